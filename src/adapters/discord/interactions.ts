/**
 * What the Discord bot reads from an interaction before serving it: whether
 * its member is a moderator, its options (an attached file read as text), and
 * whether the raw payload can become an interaction at all.
 */
import { type ChatInputCommandInteraction, type Interaction, PermissionFlagsBits } from "discord.js";
import { checkArticleFile, downloadText } from "../files.ts";

/** Whether an interaction's member may run moderator commands: Manage Guild, or a moderator role. Outside a server: no. */
export function isDiscordModerator(interaction: Interaction, moderatorRoleIds: readonly string[]): boolean {
  if (!interaction.inGuild()) return false;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  const roles = interaction.member?.roles;
  const ids = Array.isArray(roles) ? roles : roles ? [...roles.cache.keys()] : [];
  return ids.some((id) => moderatorRoleIds.includes(id));
}

/** The options as given; attachments become the text of the file, read only for callers allowed to run the command. */
export async function rawOptions(interaction: ChatInputCommandInteraction): Promise<Record<string, unknown>> {
  const raw: Record<string, unknown> = {};
  for (const option of interaction.options.data) {
    if (option.attachment) {
      checkArticleFile(option.attachment.name, option.attachment.size);
      raw[option.name] = await downloadText(option.attachment.url);
    } else raw[option.name] = option.value;
  }
  return raw;
}

/** Fields discord.js turns into BigInt while it builds an interaction: a bad one would throw inside the client. */
const BIGINT_FIELDS = new Set(["permissions", "app_permissions", "allow", "deny"]);
/** A Discord id. */
export const SNOWFLAKE = /^\d{1,20}$/;

/**
 * Why a raw INTERACTION_CREATE payload cannot become an interaction, or
 * undefined when it can. discord.js would throw while building it (outside any
 * handler of ours: an unhandled rejection, and the user waits for nothing).
 */
export function malformedInteraction(data: unknown): string | undefined {
  const d = data as { id?: unknown; token?: unknown; type?: unknown } | null;
  if (typeof d !== "object" || d === null) return "payload is not an object";
  if (typeof d.id !== "string" || !SNOWFLAKE.test(d.id)) return "id is not a snowflake";
  if (typeof d.token !== "string" || d.token.length === 0) return "token is missing";
  if (typeof d.type !== "number") return "type is not a number";
  const stack: unknown[] = [d];
  for (let seen = 0; stack.length > 0 && seen < 10_000; seen++) {
    const value = stack.pop();
    if (typeof value !== "object" || value === null) continue;
    for (const [key, inner] of Object.entries(value)) {
      if (BIGINT_FIELDS.has(key) && (typeof inner !== "string" || !/^\d{1,30}$/.test(inner))) return `${key} is not a permission bit string`;
      if (typeof inner === "object" && inner !== null) stack.push(inner);
    }
  }
  return undefined;
}
