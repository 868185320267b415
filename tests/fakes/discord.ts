/**
 * A fake Discord on 127.0.0.1 for the real discord.js client: REST under
 * /api/v10 and a JSON gateway (HELLO, IDENTIFY → READY, heartbeats,
 * dispatches). It records every request body so tests can assert what the
 * bot sent, and can script error answers (429, 10062) per route.
 */
import { once } from "node:events";
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

export const APP_ID = "900000000000000001";
export const BOT_ID = "900000000000000002";
export const GUILD_ID = "900000000000000003";
export const CHANNEL_ID = "900000000000000004";
/** The direct-message channel of interactions outside a server (never a server channel's id, as on Discord). */
export const DM_CHANNEL_ID = "900000000000000005";
/** Manage Guild, as a permission bit string. */
export const MANAGE_GUILD = "32";

export interface Recorded {
  method: string;
  path: string;
  body: any;
  at: number;
  contentType?: string;
  /** What the fake answered (JSON bodies). */
  response?: any;
}

interface Scripted {
  match: (method: string, path: string) => boolean;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

let snowflake = 100_000_000_000_000_000n;
const nextId = () => String(++snowflake);

function message(content: string, channelId = CHANNEL_ID) {
  return {
    id: nextId(),
    channel_id: channelId,
    author: { id: BOT_ID, username: "Daleel", discriminator: "0", avatar: null, bot: true, global_name: null },
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
    flags: 0,
  };
}

export class FakeDiscord {
  readonly requests: Recorded[] = [];
  private readonly scripted: Scripted[] = [];
  private readonly attachments = new Map<string, Buffer>();
  private readonly byNonce = new Map<string, object>();
  /** Messages actually created per channel (a repeated enforced nonce creates none). */
  readonly created = new Map<string, string[]>();
  /** Called for each request before it is answered; a test can kill the bot here. */
  onRequest?: (recorded: Recorded) => void;
  private readonly sockets = new Set<WebSocket>();
  /** The shard each identified socket said it was. */
  private readonly shardOf = new Map<WebSocket, number>();
  private seq = 0;
  private readonly server = createServer((req, res) => void this.handle(req, res));
  private readonly gateway = new WebSocketServer({ noServer: true });
  identified = 0;

  async start(): Promise<this> {
    this.server.on("upgrade", (req, socket, head) => this.gateway.handleUpgrade(req, socket, head, (ws) => this.connect(ws)));
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
    return this;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** What DISCORD_API_BASE should be. */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.gateway.close();
    this.server.closeAllConnections();
    this.server.close();
  }

  /** Answers the next `times` requests matching the route with this status and body. */
  script(match: (method: string, path: string) => boolean, status: number, body: unknown, times = 1, headers?: Record<string, string>): void {
    for (let i = 0; i < times; i++) this.scripted.push({ match, status, body, headers });
  }

  private connect(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on("close", () => this.sockets.delete(ws));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 }, s: null, t: null }));
    ws.on("message", (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; d: any };
      if (payload.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (payload.op === 2) {
        this.identified++;
        this.shardOf.set(ws, (payload.d.shard ?? [0, 1])[0]);
        this.send(ws, "READY", {
          v: 10,
          user: { id: BOT_ID, username: "Daleel", discriminator: "0", avatar: null, bot: true, global_name: null },
          guilds: [],
          session_id: `session-${this.identified}`,
          resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
          shard: payload.d.shard ?? [0, 1],
          application: { id: APP_ID, flags: 0 },
        });
      }
    });
  }

  private send(ws: WebSocket, t: string, d: unknown): void {
    ws.send(JSON.stringify({ op: 0, t, s: ++this.seq, d }));
  }

  /** Sends a dispatch to every connected bot, or only to the connection of one shard. */
  dispatch(t: string, d: unknown, shard?: number): void {
    for (const ws of this.sockets) if (shard === undefined || this.shardOf.get(ws) === shard) this.send(ws, t, d);
  }

  /** The shards that have identified, by number. */
  shards(): number[] {
    return [...new Set(this.shardOf.values())].sort();
  }

  /** Resolves once a bot has identified and received READY. */
  async waitForBot(timeoutMs = 10_000): Promise<void> {
    await this.waitUntil(() => this.identified > 0, timeoutMs);
  }

  async waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
    const start = Date.now();
    while (!check()) {
      if (Date.now() - start > timeoutMs) throw new Error("FakeDiscord: timed out waiting");
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Sends a slash command (or autocomplete) interaction; returns its id and token. */
  interaction(
    name: string,
    options: Record<string, string | number> = {},
    who: { userId?: string; permissions?: string; roles?: string[]; type?: 2 | 4; focused?: string; inGuild?: boolean; files?: Record<string, { name: string; content: string | Buffer }>; shard?: number; channelId?: string } = {},
  ): { id: string; token: string } {
    const id = nextId();
    const token = `interaction-token-${id}-${"x".repeat(40)}`;
    const user = { id: who.userId ?? "700000000000000001", username: "asker", discriminator: "0", avatar: null, global_name: "Asker" };
    const inGuild = who.inGuild ?? true;
    const optionList: object[] = Object.entries(options).map(([n, value]) => ({
      name: n,
      type: typeof value === "number" ? 4 : 3,
      value,
      ...(who.focused === n ? { focused: true } : {}),
    }));
    const resolved: Record<string, object> = {};
    for (const [n, file] of Object.entries(who.files ?? {})) {
      const attachmentId = nextId();
      const bytes = Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content, "utf8");
      this.attachments.set(attachmentId, bytes);
      resolved[attachmentId] = { id: attachmentId, filename: file.name, size: bytes.byteLength, content_type: "text/plain; charset=utf-8", url: `http://127.0.0.1:${this.port}/attachments/${attachmentId}/${file.name}`, proxy_url: "" };
      optionList.push({ name: n, type: 11, value: attachmentId });
    }
    this.dispatch("INTERACTION_CREATE", {
      id,
      application_id: APP_ID,
      type: who.type ?? 2,
      token,
      version: 1,
      locale: "en-US",
      ...(inGuild
        ? {
            guild_id: GUILD_ID,
            guild_locale: "en-US",
            member: { user, roles: who.roles ?? [], permissions: who.permissions ?? "0", joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
          }
        : { user }),
      channel_id: who.channelId ?? (inGuild ? CHANNEL_ID : DM_CHANNEL_ID),
      channel: who.channelId ? { id: who.channelId, type: 11, guild_id: GUILD_ID, parent_id: CHANNEL_ID, name: "thread" } : inGuild ? { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: "general" } : { id: DM_CHANNEL_ID, type: 1 },
      app_permissions: "0",
      entitlements: [],
      authorizing_integration_owners: inGuild ? { "0": GUILD_ID } : { "1": user.id },
      context: inGuild ? 0 : 1,
      data: { id: nextId(), name, type: 1, options: optionList, ...(who.files ? { resolved: { attachments: resolved } } : {}) },
    }, who.shard);
    return { id, token };
  }

  /** Sends a button press on a message; returns the interaction's id and token. */
  button(customId: string, who: { userId?: string; permissions?: string; ephemeral?: boolean; messageId?: string } = {}): { id: string; token: string } {
    const id = nextId();
    const token = `interaction-token-${id}-${"y".repeat(40)}`;
    const user = { id: who.userId ?? "700000000000000001", username: "asker", discriminator: "0", avatar: null, global_name: "Asker" };
    this.dispatch("INTERACTION_CREATE", {
      id,
      application_id: APP_ID,
      type: 3,
      token,
      version: 1,
      locale: "en-US",
      guild_id: GUILD_ID,
      guild_locale: "en-US",
      member: { user, roles: [], permissions: who.permissions ?? "0", joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
      channel_id: CHANNEL_ID,
      channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: "general" },
      app_permissions: "0",
      entitlements: [],
      authorizing_integration_owners: { "0": GUILD_ID },
      context: 0,
      message: { ...message("preview"), ...(who.messageId ? { id: who.messageId } : {}), flags: who.ephemeral === false ? 0 : 64, components: [] },
      data: { custom_id: customId, component_type: 2 },
    });
    return { id, token };
  }

  /** Tells the bot about the server and its #general channel, as Discord does after READY (threads then reach it too). */
  guildCreate(): void {
    this.dispatch("GUILD_CREATE", {
      id: GUILD_ID,
      name: "Crypto Pakistan",
      icon: null,
      owner_id: "700000000000000000",
      roles: [{ id: GUILD_ID, name: "@everyone", permissions: "0", position: 0, color: 0, hoist: false, managed: false, mentionable: false }],
      emojis: [],
      stickers: [],
      features: [],
      channels: [{ id: CHANNEL_ID, type: 0, name: "general", guild_id: GUILD_ID, position: 0, permission_overwrites: [] }],
      threads: [],
      members: [],
      member_count: 1,
      unavailable: false,
      large: false,
      joined_at: new Date().toISOString(),
    });
  }

  /** Requests the bot made for one interaction token, in order. */
  forToken(token: string): Recorded[] {
    return this.requests.filter((r) => r.path.includes(token));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, "");
    const method = req.method ?? "GET";
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const recorded: Recorded = { method, path: `${path}${url.search}`, body, at: Date.now(), contentType: req.headers["content-type"] };
    this.requests.push(recorded);
    const scripted = this.scripted.findIndex((s) => s.match(method, path));
    if (scripted >= 0) {
      const [s] = this.scripted.splice(scripted, 1);
      res.writeHead(s!.status, { "content-type": "application/json", ...s!.headers });
      res.end(JSON.stringify(s!.body));
      return;
    }
    this.route(method, path, body, res, recorded);
    this.onRequest?.(recorded);
  }

  private route(method: string, path: string, body: any, res: ServerResponse, recorded: Recorded): void {
    const json = (status: number, data: unknown) => {
      recorded.response = data;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(data));
    };
    const attachment = path.match(/^\/attachments\/(\d+)\//);
    if (method === "GET" && attachment) {
      const bytes = this.attachments.get(attachment[1]!);
      res.writeHead(bytes ? 200 : 404, { "content-type": "text/plain" });
      return void res.end(bytes ?? "");
    }
    if (method === "GET" && path === "/gateway/bot") {
      return json(200, { url: `ws://127.0.0.1:${this.port}/gateway`, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } });
    }
    if (method === "GET" && path === "/gateway") return json(200, { url: `ws://127.0.0.1:${this.port}/gateway` });
    if (method === "POST" && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      res.writeHead(204);
      return void res.end();
    }
    if (method === "PATCH" && /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(path)) return json(200, message(body?.content ?? ""));
    if (method === "DELETE" && /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(path)) {
      res.writeHead(204);
      return void res.end();
    }
    if (method === "POST" && /^\/webhooks\/\d+\/[^/]+$/.test(path)) return json(200, message(body?.content ?? ""));
    if (method === "POST" && /^\/channels\/\d+\/messages$/.test(path)) {
      const channel = path.split("/")[2]!;
      const key = body?.enforce_nonce && body?.nonce ? `${channel}:${body.nonce}` : undefined;
      const existing = key ? this.byNonce.get(key) : undefined;
      if (existing) return json(200, existing);
      const created = message(body?.content ?? "", channel);
      if (key) this.byNonce.set(key, created);
      this.created.set(channel, [...(this.created.get(channel) ?? []), body?.content ?? ""]);
      return json(200, created);
    }
    const thread = path.match(/^\/channels\/(\d+)\/messages\/(\d+)\/threads$/);
    if (method === "POST" && thread) {
      const created = { id: nextId(), type: 11, guild_id: GUILD_ID, parent_id: thread[1], name: body?.name ?? "", owner_id: BOT_ID, thread_metadata: { archived: false, auto_archive_duration: body?.auto_archive_duration ?? 1440, archive_timestamp: new Date().toISOString(), locked: false } };
      json(201, created);
      // As Discord does: the bot hears of the thread it made.
      return this.dispatch("THREAD_CREATE", { ...created, newly_created: true });
    }
    if (method === "PUT" && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) return json(200, body);
    json(404, { message: "404: Not Found", code: 0 });
  }
}
