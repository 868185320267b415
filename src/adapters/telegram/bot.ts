/**
 * The Telegram bot (grammY): the same commands as Discord and the console,
 * rendered as HTML. In private chats a plain message is a question; in groups
 * only commands, @mentions and replies to the bot. A reply to one of the
 * bot's answers is a follow-up, read with the question that answer was about. Long polling with
 * @grammyjs/runner (sequential per chat), or webhook mode behind a secret.
 */
import { type Server, createServer } from "node:http";
import { autoRetry } from "@grammyjs/auto-retry";
import { type RunnerHandle, run, sequentialize } from "@grammyjs/runner";
import { Bot, type Context, GrammyError, InlineKeyboard, webhookCallback } from "grammy";
import type { Message } from "grammy/types";
import type { Logger } from "pino";
import type { Deps } from "../../../commands/command.ts";
import { commands, findCommand } from "../../../commands/index.ts";
import { type Reply, text } from "../../reply.ts";
import { type Caller, parseText } from "../../../commands/run.ts";
import { checkArticleFile, downloadText } from "../files.ts";
import { GENERIC_FAILURE, SLOW_DOWN, pressPost, serveCommand } from "../platform.ts";
import { type ConversationKeeper, MemoryConversations } from "../conversations.ts";
import { MemoryPages, type PageKeeper } from "../pages.ts";
import { type RateLimit, RateLimiter } from "../rate-limit.ts";
import { paginate, renderTelegram, toPlainText } from "./render.ts";
import { deadline, isModeratorIn, isTelegramModerator } from "./api.ts";
import { MalformedUpdate, checkedHttpAdapter } from "./webhook.ts";

export interface TelegramOptions {
  token: string;
  apiRoot: string;
  moderatorIds: readonly string[];
  rateLimit: { max: number; windowSeconds: number };
  webhook?: { url: string; secret: string; port: number };
  /** The limit shared with other processes (the store's); default: `rateLimit`, in this process's memory. */
  limiter?: RateLimit;
  /** Where paged replies are kept for their buttons (the store's, so pages survive restarts); default: memory. */
  pages?: PageKeeper;
  /** What each answer was about, for replies to it (the store's, shared by every process); default: memory. */
  conversations?: ConversationKeeper;
  /** Every API request, retries included, ends within this many seconds (default RETRY_BUDGET_SECONDS). */
  retryBudgetSeconds?: number;
}

/** How long one Bot API request may take in all, its retries and their waits included. */
export const RETRY_BUDGET_SECONDS = 30;
const EXPIRED = "This timeline has expired; run /timeline again.";
function keyboard(key: string, page: number, pages: number): InlineKeyboard | undefined {
  if (pages <= 1) return undefined;
  const kb = new InlineKeyboard();
  if (page > 0) kb.text("« Earlier", `tl:${key}:${page - 1}`);
  if (page < pages - 1) kb.text("Later »", `tl:${key}:${page + 1}`);
  return kb;
}

export class TelegramBot {
  readonly bot: Bot;
  private runner?: RunnerHandle;
  private server?: Server;
  private lastUpdateId = -1;
  private readonly limiter: RateLimit;
  private readonly pages: PageKeeper;
  private readonly conversations: ConversationKeeper;

  constructor(
    private readonly options: TelegramOptions,
    private readonly deps: Deps,
    private readonly log: Logger,
  ) {
    this.bot = new Bot(options.token, { client: { apiRoot: options.apiRoot } });
    // 429 and 5xx are retried by auto-retry; the deadline (installed last, so outermost) aborts the request,
    // retries and waits included, after 30 s. Network errors are not retried: auto-retry would back off
    // for up to an hour per call while this chat's queue waits behind it; they are logged instead.
    this.bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: RETRY_BUDGET_SECONDS, rethrowHttpErrors: true }));
    this.bot.api.config.use(deadline((options.retryBudgetSeconds ?? RETRY_BUDGET_SECONDS) * 1000));
    this.bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
    this.bot.use(async (ctx, next) => {
      this.lastUpdateId = Math.max(this.lastUpdateId, ctx.update.update_id);
      await next();
    });
    this.limiter = options.limiter ?? new RateLimiter(options.rateLimit.max, options.rateLimit.windowSeconds * 1000);
    this.pages = options.pages ?? new MemoryPages();
    this.conversations = options.conversations ?? new MemoryConversations();
    this.bot.use((ctx, next) => this.limit(ctx, next));
    this.registerHandlers();
    this.bot.catch((error) => {
      this.log.error({ err: error.error, update: error.ctx.update.update_id }, "telegram update failed");
      void error.ctx.reply(GENERIC_FAILURE).catch(() => undefined);
    });
  }

  private registerHandlers(): void {
    this.bot.on("message:document", (ctx) => this.ingestDocument(ctx));
    for (const command of commands) this.bot.command(command.name, (ctx) => this.runCommandText(ctx, command.name, ctx.match));
    this.bot.command("start", (ctx) => this.runCommandText(ctx, "help", ""));
    this.bot.callbackQuery(/^tl:([\w-]+):(\d+)$/, (ctx) => this.turnPage(ctx, ctx.match[1]!, Number(ctx.match[2])));
    this.bot.callbackQuery(/^digest-post:(.+)$/, (ctx) => this.postDigest(ctx, ctx.match[1]!));
    this.bot.on("callback_query:data", (ctx) => ctx.answerCallbackQuery());
    this.bot.on("message:text", (ctx) => {
      const question = this.questionIn(ctx);
      return question === undefined ? undefined : this.runCommandText(ctx, "ask", question);
    });
  }

  /** The question in a plain message: any text in private chats; in groups only @mentions and replies to the bot. */
  private questionIn(ctx: Context): string | undefined {
    const text = ctx.msg?.text ?? "";
    if (text.startsWith("/")) return undefined;
    if (ctx.chat?.type === "private") return text;
    const username = ctx.me.username;
    const mention = new RegExp(`@${username}\\b`, "i");
    if (mention.test(text)) return text.replace(mention, "").trim();
    if (ctx.msg?.reply_to_message?.from?.id === ctx.me.id) return text;
    return undefined;
  }

  private caller(ctx: Context, previousQuestion?: string): Caller {
    return { isModerator: () => isTelegramModerator(ctx, this.options.moderatorIds), id: `telegram:${ctx.from?.id}`, here: `telegram:${ctx.chat?.id}`, previousQuestion };
  }

  private async runCommandText(ctx: Context, name: string, args: string): Promise<void> {
    const command = findCommand(name)!;
    const previous = name === "ask" ? await this.conversationRepliedTo(ctx) : undefined;
    await serveCommand(command, { caller: this.caller(ctx, previous), options: () => parseText(command, args), send: (reply) => this.show(ctx, reply) }, this.deps);
  }

  /** The question of the bot's answer this message replies to, if it is such a reply and the answer is not a day old. */
  private async conversationRepliedTo(ctx: Context): Promise<string | undefined> {
    const replied = ctx.msg?.reply_to_message;
    if (!replied || replied.from?.id !== ctx.me.id) return undefined;
    return this.conversations.load(`telegram:${ctx.chat!.id}:${replied.message_id}`);
  }

  /**
   * Sends a reply as its kind needs: pages with buttons, a preview privately,
   * anything else as HTML messages — an answer's messages remembered for
   * replies to them.
   */
  private async show(ctx: Context, reply: Reply): Promise<void> {
    if (reply.pageable) await this.sendPaged(ctx, reply);
    else if (reply.actions?.length) await this.sendPreview(ctx, reply);
    else {
      for (const html of renderTelegram(reply)) {
        const sent = await this.sendHtml(ctx, html);
        if (reply.conversation) await this.conversations.save(`telegram:${ctx.chat!.id}:${sent.message_id}`, reply.conversation);
      }
    }
  }

  /**
   * A reply with buttons (a digest preview) goes to the moderator's private
   * chat; if the bot cannot write there (never started), to this chat.
   */
  private async sendPreview(ctx: Context, reply: Reply): Promise<void> {
    const messages = renderTelegram(reply);
    const kb = new InlineKeyboard();
    for (const action of reply.actions ?? []) kb.text(action.label, action.id);
    const target = ctx.chat?.type === "private" || !ctx.from ? ctx.chat!.id : ctx.from.id;
    const send = async (chatId: number) => {
      for (const [i, html] of messages.entries()) {
        await ctx.api.sendMessage(chatId, html, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, reply_markup: i === messages.length - 1 ? kb : undefined });
      }
    };
    try {
      await send(target);
      if (target !== ctx.chat!.id) await ctx.reply("I sent you the digest preview in a private message.");
    } catch (error) {
      if (target === ctx.chat!.id || !(error instanceof GrammyError)) throw error;
      await send(ctx.chat!.id);
    }
  }

  /** The Post button of a digest preview: only a moderator, checked again at the press, can post. */
  private async postDigest(ctx: Context, previewId: string): Promise<void> {
    await ctx.answerCallbackQuery();
    const presser = ctx.from?.id;
    const stillModerator = async (here: string) => presser !== undefined && /^telegram:-?\d+$/.test(here) && isModeratorIn(ctx.api, Number(here.slice("telegram:".length)), presser, this.options.moderatorIds);
    const lines = await pressPost(this.deps, previewId, `telegram:${presser}`, stillModerator);
    for (const html of renderTelegram(text(lines.join("\n")))) await this.sendHtml(ctx, html);
  }

  /** A document whose caption is "/ingest date:… …": moderators add an article by sending its file. */
  private async ingestDocument(ctx: Context): Promise<void> {
    const caption = ctx.msg?.caption?.trim() ?? "";
    const match = caption.match(/^\/ingest(?:@\w+)?(?:\s+([\s\S]*))?$/i);
    if (!match) {
      if (ctx.chat?.type === "private") await ctx.reply("To add an article, send the .txt or .md file with the caption /ingest date:YYYY-MM-DD (and source:, url:, title:, tags: if you like).");
      return;
    }
    const command = findCommand("ingest")!;
    const document = ctx.msg!.document!;
    const options = async () => {
      const raw = parseText(command, match[1] ?? "");
      checkArticleFile(document.file_name, document.file_size);
      const file = await ctx.api.getFile(document.file_id);
      raw.file = await downloadText(`${this.options.apiRoot}/file/bot${this.options.token}/${file.file_path}`);
      return raw;
    };
    await serveCommand(command, { caller: this.caller(ctx), options, send: (reply) => this.show(ctx, reply) }, this.deps);
  }

  /**
   * Lets a user's update through while they are within the rate limit. Page
   * turns are free: they only show what was already answered.
   */
  private async limit(ctx: Context, next: () => Promise<void>): Promise<void> {
    const user = ctx.from?.id;
    if (user === undefined || ctx.callbackQuery?.data?.startsWith("tl:")) return next();
    if (await this.limiter.allow(`telegram:${user}`)) return next();
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: SLOW_DOWN });
    else if (ctx.chat?.type === "private" || ctx.msg?.text?.startsWith("/")) await ctx.reply(SLOW_DOWN);
  }

  private async sendPaged(ctx: Context, reply: Reply): Promise<void> {
    const pages = paginate(reply);
    const key = pages.length > 1 ? await this.pages.save(pages) : "";
    await this.sendHtml(ctx, pages[0]!, keyboard(key, 0, pages.length));
  }

  private async turnPage(ctx: Context, key: string, page: number): Promise<void> {
    const pages = (await this.pages.load(key))?.pages;
    if (!pages || page < 0 || page >= pages.length) {
      await ctx.answerCallbackQuery({ text: EXPIRED });
      return;
    }
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(pages[page]!, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, reply_markup: keyboard(key, page, pages.length) });
  }

  /** Sends HTML; if Telegram rejects the entities, sends the same text plain. */
  private async sendHtml(ctx: Context, html: string, markup?: InlineKeyboard): Promise<Message> {
    try {
      return await ctx.reply(html, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, reply_markup: markup });
    } catch (error) {
      if (!(error instanceof GrammyError && error.error_code === 400 && /parse entities/i.test(error.description))) throw error;
      this.log.warn({ err: error, chat: ctx.chat?.id }, "telegram rejected our HTML; sent plain text");
      return ctx.reply(toPlainText(html), { link_preview_options: { is_disabled: true }, reply_markup: markup });
    }
  }

  /** The port the webhook server listens on (useful when configured as 0). */
  get webhookPort(): number | undefined {
    const address = this.server?.address();
    return address && typeof address === "object" ? address.port : undefined;
  }

  /**
   * Sets the command menus from the command list (cheap and idempotent, so it
   * runs at every start), per scope: everyone sees the public commands; group
   * administrators, and the moderators' private chats, see the moderators'
   * commands too. A moderator who never started the bot has no private chat
   * yet: that one menu is skipped and logged.
   */
  async setCommands(): Promise<void> {
    const menu = (access: "everyone" | "moderators") => [
      ...commands.filter((c) => access === "moderators" || c.access === "everyone").map((c) => ({ command: c.name, description: c.description })),
      { command: "start", description: "Start here: what Daleel can do" },
    ];
    await this.bot.api.setMyCommands(menu("everyone"), { scope: { type: "default" } });
    await this.bot.api.setMyCommands(menu("moderators"), { scope: { type: "all_chat_administrators" } });
    for (const id of this.options.moderatorIds) {
      await this.bot.api.setMyCommands(menu("moderators"), { scope: { type: "chat", chat_id: Number(id) } }).catch((err: unknown) => this.log.warn({ err, moderator: id }, "could not set a moderator's command menu (has the moderator started the bot?)"));
    }
  }

  /** Starts long polling, or the webhook server. Resolves once running; `stopped` settles when polling ends. */
  async start(): Promise<{ stopped: Promise<void> }> {
    await this.bot.init();
    await this.setCommands();
    const webhook = this.options.webhook;
    if (webhook) {
      await this.bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: ["message", "callback_query"] });
      // A slow update is answered 200 after 10 s and goes on: a 5xx would make Telegram send it again.
      const handle = webhookCallback(this.bot, checkedHttpAdapter, { secretToken: webhook.secret, onTimeout: "return" });
      this.server = createServer((req, res) =>
        void (handle(req, res) as Promise<unknown>).catch((err: unknown) => {
          const malformed = err instanceof MalformedUpdate;
          if (malformed) this.log.warn({ reason: err.message }, "webhook request refused: malformed update");
          else this.log.error({ err }, "webhook request failed");
          if (!res.headersSent) res.writeHead(malformed ? 400 : 500).end(malformed ? err.message : "internal error");
        }),
      );
      await new Promise<void>((resolve) => this.server!.listen(webhook.port, resolve));
      this.log.info({ port: this.webhookPort, bot: this.bot.botInfo.username }, "telegram webhook listening");
      return { stopped: new Promise(() => undefined) };
    }
    await this.bot.api.deleteWebhook();
    this.runner = run(this.bot, { runner: { fetch: { allowed_updates: ["message", "callback_query"] }, silent: true } });
    this.log.info({ bot: this.bot.botInfo.username }, "telegram polling");
    const task = this.runner.task() ?? Promise.resolve();
    return { stopped: task.catch((error: unknown) => this.pollingFailed(error)) };
  }

  private pollingFailed(error: unknown): never {
    if (error instanceof GrammyError && error.error_code === 409) {
      this.log.fatal({ err: error }, "telegram: another instance is polling this bot token (409 Conflict); stop it or use webhook mode. Exiting.");
    } else {
      this.log.fatal({ err: error }, "telegram polling stopped");
    }
    throw error;
  }

  /** Stops taking updates, waits for those in hand, and confirms the last offset with Telegram. */
  async stop(): Promise<void> {
    if (this.server) await new Promise((resolve) => this.server!.close(resolve));
    if (this.runner?.isRunning()) await this.runner.stop();
    if (this.runner && this.lastUpdateId >= 0) {
      await this.bot.api.getUpdates({ offset: this.lastUpdateId + 1, limit: 1, timeout: 0 }).catch((err: unknown) => this.log.warn({ err }, "could not confirm the update offset"));
    }
  }
}
