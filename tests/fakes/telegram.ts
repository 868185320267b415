/**
 * A fake Telegram Bot API on 127.0.0.1 for the real grammY Bot (through
 * TELEGRAM_API_ROOT). getUpdates honours offset and timeout (long polling);
 * sendMessage and editMessageText reject over-long text and malformed HTML
 * as Telegram does; answers can be scripted per method (429, 409, failures).
 */
import { once } from "node:events";
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";

export const BOT_USER = { id: 4242, is_bot: true, first_name: "Daleel", username: "daleel_test_bot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
export const ANONYMOUS_ADMIN = 1087968824;

export interface Call {
  method: string;
  body: any;
  token: string;
  at: number;
}

interface Scripted {
  method: string;
  /** A Bot API error to answer with, or "drop" to cut the connection. */
  response: { ok: false; error_code: number; description: string; parameters?: Record<string, unknown> } | "drop";
}

const ALLOWED_TAGS = new Set(["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "tg-spoiler", "blockquote", "span", "tg-emoji"]);

/** Telegram's HTML checks, enough to catch what a bad renderer would send. Returns an error description or undefined. */
export function checkHtml(html: string): string | undefined {
  const stack: string[] = [];
  const re = /<(\/?)([a-zA-Z-]+)([^>]*)>|&([a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);|[<>&]/g;
  for (const m of html.matchAll(re)) {
    const [whole, closing, tag] = m;
    if (whole === "<" || whole === ">" || whole === "&") return `Bad Request: can't parse entities: unexpected "${whole}" at byte offset ${m.index}`;
    if (m[4] !== undefined) {
      if (!/^(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+)$/.test(m[4])) return `Bad Request: can't parse entities: unsupported entity "&${m[4]};"`;
      continue;
    }
    const name = tag!.toLowerCase();
    if (!ALLOWED_TAGS.has(name)) return `Bad Request: can't parse entities: unsupported start tag "${name}" at byte offset ${m.index}`;
    if (closing) {
      if (stack.pop() !== name) return `Bad Request: can't parse entities: can't find end tag corresponding to start tag "${name}"`;
    } else stack.push(name);
  }
  if (stack.length > 0) return `Bad Request: can't parse entities: can't find end tag corresponding to start tag "${stack.at(-1)}"`;
  return undefined;
}

/** The text Telegram counts against the 4096 limit: tags removed, entities decoded. */
function visibleLength(text: string, html: boolean): number {
  if (!html) return text.length;
  return text.replace(/<[^>]+>/g, "").replace(/&(lt|gt|amp|quot|#\d+);/g, "x").length;
}

export class FakeTelegram {
  readonly calls: Call[] = [];
  private readonly updates: any[] = [];
  private readonly waiting = new Set<() => void>();
  private readonly scripted: Scripted[] = [];
  private readonly members = new Map<string, string>();
  private readonly files = new Map<string, Buffer>();
  /** Offsets getUpdates was called with, in order. */
  readonly offsets: number[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 100;
  private readonly server = createServer((req, res) => void this.handle(req, res));

  async start(): Promise<this> {
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
    return this;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const wake of this.waiting) wake();
    this.server.closeAllConnections();
    this.server.close();
  }

  /** Answers the next call of `method` with a Bot API error, or with a function of the request body. */
  script(method: string, response: Scripted["response"]): void {
    this.scripted.push({ method, response });
  }

  /** Sets what getChatMember says for a user in a chat. */
  setMember(chatId: number, userId: number, status: string): void {
    this.members.set(`${chatId}:${userId}`, status);
  }

  /** Queues an update for getUpdates; returns its update_id. */
  push(update: Record<string, unknown>): number {
    const id = this.nextUpdateId++;
    this.updates.push({ update_id: id, ...update });
    for (const wake of this.waiting) wake();
    return id;
  }

  /** Queues a text message. Groups are negative chat ids. */
  message(text: string, options: { chatId?: number; userId?: number; type?: "private" | "group" | "supergroup"; replyTo?: any; senderChat?: any } = {}): number {
    const chatId = options.chatId ?? 1001;
    const type = options.type ?? (chatId < 0 ? "supergroup" : "private");
    const userId = options.userId ?? 1001;
    const entities = text.startsWith("/") ? [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]!.length }] : undefined;
    return this.push({
      message: {
        message_id: this.nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: type === "private" ? { id: chatId, type, first_name: "Asker" } : { id: chatId, type, title: "Crypto Pakistan" },
        from: { id: userId, is_bot: false, first_name: userId === ANONYMOUS_ADMIN ? "Group" : "Asker", ...(userId === ANONYMOUS_ADMIN ? { username: "GroupAnonymousBot", is_bot: true } : {}) },
        ...(options.senderChat ? { sender_chat: options.senderChat } : {}),
        ...(options.replyTo ? { reply_to_message: options.replyTo } : {}),
        text,
        ...(entities ? { entities } : {}),
      },
    });
  }

  /** Queues a document message with a caption; the file can then be fetched with getFile. */
  document(name: string, content: string | Buffer, caption: string, options: { chatId?: number; userId?: number } = {}): number {
    const fileId = `file-${this.files.size + 1}`;
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8");
    this.files.set(fileId, bytes);
    const chatId = options.chatId ?? 1001;
    return this.push({
      message: {
        message_id: this.nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: chatId > 0 ? { id: chatId, type: "private", first_name: "Asker" } : { id: chatId, type: "supergroup", title: "Crypto Pakistan" },
        from: { id: options.userId ?? chatId, is_bot: false, first_name: "Asker" },
        document: { file_id: fileId, file_unique_id: `u-${fileId}`, file_name: name, mime_type: "text/plain", file_size: bytes.byteLength },
        caption,
        caption_entities: caption.startsWith("/") ? [{ type: "bot_command", offset: 0, length: caption.split(/\s/)[0]!.length }] : undefined,
      },
    });
  }

  /** Queues a press of an inline button on a message the bot sent. */
  press(data: string, sent: Call, userId = 1001): number {
    return this.push({
      callback_query: {
        id: String(this.nextUpdateId * 7),
        from: { id: userId, is_bot: false, first_name: "Asker" },
        chat_instance: "ci",
        data,
        message: { message_id: sent.body.message_id_sent, date: 0, chat: { id: Number(sent.body.chat_id), type: "private", first_name: "Asker" }, from: BOT_USER, text: "…" },
      },
    });
  }

  sent(method = "sendMessage"): Call[] {
    return this.calls.filter((c) => c.method === method);
  }

  async waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
    const start = Date.now();
    while (!check()) {
      if (Date.now() - start > timeoutMs) throw new Error("FakeTelegram: timed out waiting");
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const download = (req.url ?? "").match(/^\/file\/bot[^/]+\/documents\/(.+)$/);
    if (download) {
      const bytes = this.files.get(download[1]!);
      res.writeHead(bytes ? 200 : 404);
      return void res.end(bytes ?? "");
    }
    const match = (req.url ?? "").match(/^\/bot([^/]+)\/(\w+)/);
    const reply = (data: unknown) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(data));
    };
    if (!match) return reply({ ok: false, error_code: 404, description: "Not Found" });
    const [, token, method] = match;
    const body = raw ? JSON.parse(raw) : {};
    const call: Call = { method: method!, body, token: token!, at: Date.now() };
    this.calls.push(call);
    const scripted = this.scripted.findIndex((s) => s.method === method);
    if (scripted >= 0) {
      const [s] = this.scripted.splice(scripted, 1);
      if (s!.response === "drop") return void req.socket.destroy();
      res.writeHead(s!.response.error_code, { "content-type": "application/json" });
      return void res.end(JSON.stringify(s!.response));
    }
    const result = await this.answer(method!, body, call);
    if (result && typeof result === "object" && "error" in result) {
      res.writeHead(400, { "content-type": "application/json" });
      return void res.end(JSON.stringify({ ok: false, error_code: 400, description: (result as { error: string }).error }));
    }
    reply({ ok: true, result });
  }

  private async answer(method: string, body: any, call: Call): Promise<unknown> {
    switch (method) {
      case "getMe":
        return BOT_USER;
      case "deleteWebhook":
      case "setWebhook":
      case "setMyCommands":
      case "answerCallbackQuery":
        return true;
      case "getUpdates":
        return this.getUpdates(body);
      case "getFile":
        return this.files.has(body.file_id) ? { file_id: body.file_id, file_unique_id: `u-${body.file_id}`, file_size: this.files.get(body.file_id)!.byteLength, file_path: `documents/${body.file_id}` } : { error: "Bad Request: invalid file_id" };
      case "getChatMember": {
        const status = this.members.get(`${body.chat_id}:${body.user_id}`) ?? "member";
        return { status, user: { id: body.user_id, is_bot: false, first_name: "Someone" } };
      }
      case "sendMessage":
      case "editMessageText": {
        const html = body.parse_mode === "HTML";
        if (visibleLength(body.text ?? "", html) > 4096) return { error: "Bad Request: message is too long" };
        const bad = html ? checkHtml(body.text ?? "") : undefined;
        if (bad) return { error: bad };
        const id = method === "sendMessage" ? this.nextMessageId++ : body.message_id;
        call.body.message_id_sent = id;
        return { message_id: id, date: Math.floor(Date.now() / 1000), chat: { id: Number(body.chat_id), type: "private" }, from: BOT_USER, text: body.text };
      }
      default:
        return { error: `Bad Request: method ${method} is not faked` };
    }
  }

  private async getUpdates(body: { offset?: number; limit?: number; timeout?: number }): Promise<unknown[]> {
    const offset = body.offset ?? 0;
    this.offsets.push(offset);
    if (offset > 0) this.updates.splice(0, this.updates.length, ...this.updates.filter((u) => u.update_id >= offset));
    const ready = () => this.updates.filter((u) => u.update_id >= offset).slice(0, body.limit ?? 100);
    if (ready().length === 0 && (body.timeout ?? 0) > 0) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiting.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(body.timeout! * 1000, 2000));
        this.waiting.add(wake);
      });
    }
    return ready();
  }
}
