/**
 * The Discord bot: serves the commands as slash commands and answers
 * questions that mention it; an answer can be followed up in a thread or by
 * replying to it (follow-ups.ts). Every interaction is acknowledged at once;
 * nothing it sends can ping anyone; a failed request never stops the process.
 */
import {
  ActionRowBuilder,
  type AutocompleteInteraction,
  ButtonBuilder,
  type ButtonInteraction,
  ButtonStyle,
  type ChatInputCommandInteraction,
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
  MessageFlags,
  Partials,
  Routes,
} from "discord.js";
import type { Logger } from "pino";
import type { Deps } from "../../../commands/command.ts";
import { findCommand } from "../../../commands/index.ts";
import type { Caller } from "../../../commands/run.ts";
import { type Reply, text } from "../../reply.ts";
import { suggestTopics } from "../../core/suggest.ts";
import { GENERIC_FAILURE, SLOW_DOWN, commandReply, pressPost, serveCommand } from "../platform.ts";
import { type ConversationKeeper, MemoryConversations } from "../conversations.ts";
import { MemoryPages, type PageKeeper } from "../pages.ts";
import { type RateLimit, RateLimiter } from "../rate-limit.ts";
import { DiscordFollowUps, THREAD_BUTTON, followUpRow } from "./follow-ups.ts";
import { renderDiscord } from "./render.ts";
import { SNOWFLAKE, isDiscordModerator, malformedInteraction, rawOptions } from "./interactions.ts";

/** No text from users or articles may ping anyone. */
export const NO_PINGS = { parse: [] as never[], repliedUser: false };

export interface DiscordOptions {
  token: string;
  apiBase: string;
  moderatorRoleIds: readonly string[];
  messageContent: boolean;
  rateLimit: { max: number; windowSeconds: number };
  /** The limit shared with other processes (the store's); default: `rateLimit`, in this process's memory. */
  limiter?: RateLimit;
  /** Where paged replies are kept for their ◀ ▶ buttons (the store's, so pages turn after a restart); default: memory. */
  pages?: PageKeeper;
  /** What answers and threads are about, for follow-ups (the store's, shared by every process); default: memory. */
  conversations?: ConversationKeeper;
}

/** Page buttons carry "pg:<pages id>:<page>". */
const PAGE_BUTTON = /^pg:([\w-]+):(\d+)$/;
const PAGES_EXPIRED = "These pages have expired; run the command again.";

/** ◀, "n / m" and ▶ under a page; the ends' arrows are disabled. */
function pager(id: string, page: number, pages: number): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(`pg:${id}:${Math.max(0, page - 1)}`).setLabel("◀").setStyle(ButtonStyle.Secondary).setDisabled(page === 0),
    new ButtonBuilder().setCustomId(`pg:${id}:x`).setLabel(`${page + 1} / ${pages}`).setStyle(ButtonStyle.Secondary).setDisabled(true),
    new ButtonBuilder().setCustomId(`pg:${id}:${Math.min(pages - 1, page + 1)}`).setLabel("▶").setStyle(ButtonStyle.Secondary).setDisabled(page === pages - 1),
  );
}

/** How long an answer may wait for other interactions' acknowledgements to go out first. */
const ACK_PRIORITY_MS = 1_000;

export class DiscordBot {
  readonly client: Client;
  private readonly limiter: RateLimit;
  private readonly pages: PageKeeper;
  private readonly followUps: DiscordFollowUps;
  /** Acknowledgements (deferrals) in flight, and answers waiting for them to go out. */
  private acking = 0;
  private waitingForAcks: (() => void)[] = [];

  constructor(
    private readonly options: DiscordOptions,
    private readonly deps: Deps,
    private readonly log: Logger,
  ) {
    const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
    if (options.messageContent) intents.push(GatewayIntentBits.MessageContent);
    this.client = new Client({ intents, partials: [Partials.Channel], allowedMentions: NO_PINGS, rest: { api: options.apiBase } });
    this.limiter = options.limiter ?? new RateLimiter(options.rateLimit.max, options.rateLimit.windowSeconds * 1000);
    this.pages = options.pages ?? new MemoryPages();
    this.followUps = new DiscordFollowUps(options.conversations ?? new MemoryConversations());
    this.client.on(Events.Raw, (packet: { t?: string; d?: unknown }) => this.guardInteraction(packet));
    this.client.on(Events.InteractionCreate, (interaction) => void this.onInteraction(interaction));
    this.client.on(Events.MessageCreate, (message) => void this.onMessage(message));
    this.client.on(Events.Error, (error) => this.log.error({ err: error }, "discord client error"));
    this.client.on(Events.ShardError, (error, shard) => this.log.error({ err: error, shard }, "discord shard error"));
    this.client.on(Events.Warn, (message) => this.log.warn(message));
    this.client.once(Events.ClientReady, (client) => this.log.info({ user: client.user.tag, guilds: client.guilds.cache.size }, "discord ready"));
  }

  async start(): Promise<void> {
    await this.client.login(this.options.token);
  }

  async stop(): Promise<void> {
    await this.client.destroy();
  }

  /**
   * Raw packets arrive here before discord.js builds them. A malformed
   * interaction is acknowledged with the generic failure, logged, and turned
   * into a type discord.js ignores, so it never builds (and throws on) it.
   */
  private guardInteraction(packet: { t?: string; d?: unknown }): void {
    if (packet.t !== "INTERACTION_CREATE") return;
    const problem = malformedInteraction(packet.d);
    if (!problem) return;
    const data = packet.d as { id?: unknown; token?: unknown; type?: unknown } | null;
    this.log.warn({ interaction: typeof data?.id === "string" ? data.id.slice(0, 24) : undefined, problem }, "malformed interaction refused");
    if (typeof data !== "object" || data === null) return;
    data.type = -1;
    if (typeof data.id !== "string" || !SNOWFLAKE.test(data.id) || typeof data.token !== "string" || !data.token) return;
    const body = { type: 4, data: { content: GENERIC_FAILURE, flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } } };
    this.client.rest.post(Routes.interactionCallback(data.id, data.token), { body, auth: false }).catch((err: unknown) => this.log.warn({ err }, "could not answer a malformed interaction"));
  }

  private async onInteraction(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isAutocomplete()) await this.autocomplete(interaction);
      else if (interaction.isChatInputCommand()) await this.chatInput(interaction);
      else if (interaction.isButton() && interaction.customId.startsWith("digest-post:")) await this.postDigest(interaction);
      else if (interaction.isButton() && PAGE_BUTTON.test(interaction.customId)) await this.turnPage(interaction);
      else if (interaction.isButton() && interaction.customId === THREAD_BUTTON) await this.followUps.openThread(interaction);
    } catch (error) {
      this.log.error({ err: error, interaction: interaction.id, command: "commandName" in interaction ? interaction.commandName : undefined }, "interaction failed");
      if (interaction.isRepliable()) await this.tellFailure(interaction);
    }
  }

  private async tellFailure(interaction: ChatInputCommandInteraction | Interaction): Promise<void> {
    if (!interaction.isRepliable()) return;
    try {
      if (interaction.deferred || interaction.replied) await interaction.editReply({ content: GENERIC_FAILURE, allowedMentions: NO_PINGS });
      else await interaction.reply({ content: GENERIC_FAILURE, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    } catch (error) {
      this.log.warn({ err: error, interaction: interaction.id }, "could not tell the user about a failure");
    }
  }

  /**
   * Interaction callbacks share one REST queue, sent one at a time: if each
   * answer were computed as soon as its own deferral returned, a burst of
   * questions would make the last deferral wait behind every answer before
   * it. Answers therefore wait (up to ACK_PRIORITY_MS) until no deferral is
   * in flight.
   */
  private async acknowledge(defer: () => Promise<unknown>): Promise<void> {
    this.acking++;
    try {
      await defer();
    } finally {
      this.acking--;
      if (this.acking === 0) for (const wake of this.waitingForAcks.splice(0)) wake();
    }
  }

  private afterPendingAcks(): Promise<void> {
    if (this.acking === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ACK_PRIORITY_MS);
      this.waitingForAcks.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private async autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const choices = suggestTopics(this.deps.library().index, String(focused.value)).map((name) => ({ name, value: name }));
    await interaction.respond(choices);
  }

  private async chatInput(interaction: ChatInputCommandInteraction): Promise<void> {
    const command = findCommand(interaction.commandName);
    if (!command) {
      await interaction.reply({ content: "That command is not available any more.", flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      return;
    }
    if (!(await this.limiter.allow(`discord:${interaction.user.id}`))) {
      await interaction.reply({ content: SLOW_DOWN, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      return;
    }
    await this.acknowledge(() => interaction.deferReply());
    await this.afterPendingAcks();
    // An /ask in a conversation thread follows up the thread's question (one store lookup, for /ask only).
    const threadQuestion = command.name === "ask" ? await this.followUps.thread(interaction.channelId) : undefined;
    const inThread = interaction.channel?.isThread() || threadQuestion !== undefined;
    const caller: Caller = {
      isModerator: async () => isDiscordModerator(interaction, this.options.moderatorRoleIds),
      id: `discord:${interaction.user.id}`,
      here: `discord:${interaction.channelId}`,
      previousQuestion: threadQuestion,
    };
    await serveCommand(command, { caller, options: () => rawOptions(interaction), send: (reply) => this.send(interaction, reply, inThread) }, this.deps);
  }

  /**
   * Edits the deferred reply. A reply longer than one message is shown a page
   * at a time with ◀ ▶ buttons (never a flood of follow-ups); a private reply
   * goes ephemeral; action buttons (Post) go on the last message. An answer
   * is remembered for follow-ups and, outside a thread, offers one.
   */
  private async send(interaction: ChatInputCommandInteraction, reply: Reply, inThread: boolean): Promise<void> {
    const messages = renderDiscord(reply);
    const followUp = reply.conversation && !reply.private && interaction.inGuild() && !inThread ? [followUpRow()] : [];
    const remember = async (sent: Message) => {
      if (reply.conversation) await this.followUps.remember(sent.id, interaction.channelId, reply.conversation, inThread);
    };
    if (messages.length > 1 && !reply.private && !reply.actions?.length) {
      const id = await this.pages.save(messages, interaction.user.id);
      await remember(await interaction.editReply({ content: messages[0]!, components: [pager(id, 0, messages.length), ...followUp], allowedMentions: NO_PINGS }));
      return;
    }
    const buttons = reply.actions?.length
      ? [new ActionRowBuilder<ButtonBuilder>().addComponents(reply.actions.map((a) => new ButtonBuilder().setCustomId(a.id).setLabel(a.label).setStyle(ButtonStyle.Primary)))]
      : [];
    const componentsFor = (i: number) => (i === messages.length - 1 ? buttons : []);
    if (reply.private) {
      await interaction.deleteReply();
      for (const [i, content] of messages.entries()) await interaction.followUp({ content, components: componentsFor(i), flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      return;
    }
    for (const [i, content] of messages.entries()) {
      if (i === 0) await remember(await interaction.editReply({ content, components: [...componentsFor(i), ...followUp], allowedMentions: NO_PINGS }));
      else await interaction.followUp({ content, components: componentsFor(i), allowedMentions: NO_PINGS });
    }
  }

  /**
   * The Post button of a digest preview: posts it, and tells the moderator how
   * each destination went. Whether the presser may still post is checked again
   * at the press (roles can change after the preview).
   */
  private async postDigest(interaction: ButtonInteraction): Promise<void> {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const stillModerator = async () => isDiscordModerator(interaction, this.options.moderatorRoleIds);
    const lines = await pressPost(this.deps, interaction.customId.slice("digest-post:".length), `discord:${interaction.user.id}`, stillModerator);
    const [first, ...rest] = renderDiscord(text(lines.join("\n")));
    await interaction.editReply({ content: first ?? "", allowedMentions: NO_PINGS });
    for (const content of rest) await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
  }

  /**
   * A page button: whoever asked turns the message itself; anyone else gets
   * their own copy of that page, privately, with buttons that turn it.
   */
  private async turnPage(interaction: ButtonInteraction): Promise<void> {
    const [, id, page] = interaction.customId.match(PAGE_BUTTON)!;
    const kept = await this.pages.load(id!);
    const n = Number(page);
    if (!kept || n >= kept.pages.length) {
      await interaction.reply({ content: PAGES_EXPIRED, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      return;
    }
    const shown = { content: kept.pages[n]!, components: [pager(id!, n, kept.pages.length)], allowedMentions: NO_PINGS };
    const theirs = interaction.user.id === kept.owner || interaction.message.flags.has(MessageFlags.Ephemeral);
    if (theirs) await interaction.update(shown);
    else await interaction.reply({ ...shown, flags: MessageFlags.Ephemeral });
  }

  /**
   * A message that mentions the bot is a question, answered like /ask; so is
   * a reply to one of its answers, or a message in a conversation thread —
   * those read with the conversation's question.
   */
  private async onMessage(message: Message): Promise<void> {
    const me = this.client.user;
    if (!me || message.author.bot) return;
    const question = message.content.replace(new RegExp(`<@!?${me.id}>`, "g"), "").trim();
    const mentioned = message.mentions.users.has(me.id);
    // Without the message-content intent, only mentions (replies included) carry text.
    if (!mentioned && !question) return;
    try {
      const previous = await this.followUps.previousFor(message);
      if (!mentioned && !previous) return;
      if (!(await this.limiter.allow(`discord:${message.author.id}`))) return;
      const ask = findCommand("ask")!;
      const caller: Caller = { isModerator: async () => false, id: `discord:${message.author.id}`, here: `discord:${message.channelId}`, previousQuestion: previous?.question };
      const reply = question ? await commandReply(ask, { caller, options: () => ({ question }) }, this.deps) : text("Ask me a question after the mention, e.g. @Daleel What is PVARA?");
      const messages = renderDiscord(reply);
      const components = messages.length > 1 ? [pager(await this.pages.save(messages, message.author.id), 0, messages.length)] : [];
      const sent = await message.reply({ content: messages[0] ?? "", components, allowedMentions: NO_PINGS });
      if (reply.conversation) await this.followUps.remember(sent.id, message.channelId, reply.conversation, previous?.inThread ?? false);
    } catch (error) {
      this.log.error({ err: error, message: message.id }, "mention failed");
    }
  }
}
