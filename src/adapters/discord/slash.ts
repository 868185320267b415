/**
 * Slash-command JSON built from the command definitions: option types and
 * limits come from each zod schema; moderator commands get Manage Guild as
 * their default member permission.
 */
import { ApplicationCommandOptionType, PermissionFlagsBits, type RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import { z } from "zod";
import { type AnyCommand, isFileOption } from "../../../commands/command.ts";

/** Discord's limit on a string option's length. */
const MAX_STRING_OPTION = 6000;

type OptionJSON = NonNullable<RESTPostAPIChatInputApplicationCommandsJSONBody["options"]>[number];

function unwrap(field: z.ZodType): z.ZodType {
  return field instanceof z.ZodOptional || field instanceof z.ZodDefault ? unwrap(field.unwrap() as z.ZodType) : field;
}

function optionJSON(command: AnyCommand, name: string, field: z.ZodType): OptionJSON {
  const inner = unwrap(field);
  const base = { name, description: (field.description ?? name).slice(0, 100), required: !field.isOptional() };
  if (inner instanceof z.ZodNumber) {
    const type = inner.isInt ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number;
    return { ...base, type, min_value: inner.minValue ?? undefined, max_value: inner.maxValue ?? undefined } as OptionJSON;
  }
  if (inner instanceof z.ZodBoolean) return { ...base, type: ApplicationCommandOptionType.Boolean };
  if (isFileOption(field)) return { ...base, type: ApplicationCommandOptionType.Attachment };
  const text = inner as z.ZodString;
  return {
    ...base,
    type: ApplicationCommandOptionType.String,
    min_length: text.minLength ?? undefined,
    max_length: text.maxLength === null || text.maxLength === undefined ? undefined : Math.min(text.maxLength, MAX_STRING_OPTION),
    autocomplete: command.autocomplete?.includes(name) || undefined,
  } as OptionJSON;
}

/** The registration body of one command. Required options come first, as Discord requires. */
export function slashCommand(command: AnyCommand): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const options = Object.entries((command.options as z.ZodObject).shape).map(([name, field]) => optionJSON(command, name, field as z.ZodType));
  return {
    name: command.name,
    description: command.description,
    options: [...options.filter((o) => o.required), ...options.filter((o) => !o.required)],
    default_member_permissions: command.access === "moderators" ? String(PermissionFlagsBits.ManageGuild) : undefined,
  };
}
