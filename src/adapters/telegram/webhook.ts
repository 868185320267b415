/**
 * Telegram's webhook, checked before grammY sees an update: a body of at most
 * MAX_UPDATE_BYTES, JSON, an object with a numeric update_id; anything else
 * is a MalformedUpdate, answered 400.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Update } from "grammy/types";

/** A webhook body larger than this is not an update. */
const MAX_UPDATE_BYTES = 1 << 20;

/** A webhook body that is not a Telegram update: answered 400. */
export class MalformedUpdate extends Error {}

/**
 * grammY's webhook adapter for node:http, with the body checked before grammY
 * sees it: at most MAX_UPDATE_BYTES, JSON, an object with a numeric update_id.
 */
export function checkedHttpAdapter(req: IncomingMessage, res: ServerResponse) {
  const secret = req.headers["x-telegram-bot-api-secret-token"];
  return {
    get update(): Promise<Update> {
      return new Promise<Update>((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        req.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_UPDATE_BYTES) chunks.push(chunk);
        });
        req.once("error", reject);
        req.once("end", () => {
          if (size > MAX_UPDATE_BYTES) return reject(new MalformedUpdate(`update body over ${MAX_UPDATE_BYTES} bytes`));
          let body: unknown;
          try {
            body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
          } catch {
            return reject(new MalformedUpdate("update body is not JSON"));
          }
          const id = (body as { update_id?: unknown } | null)?.update_id;
          if (typeof body !== "object" || body === null || Array.isArray(body) || !Number.isSafeInteger(id)) return reject(new MalformedUpdate("update body has no update_id"));
          resolve(body as Update);
        });
      });
    },
    header: Array.isArray(secret) ? secret[0] : secret,
    end: () => res.end(),
    respond: (json: string) => res.writeHead(200, { "Content-Type": "application/json" }).end(json),
    unauthorized: () => res.writeHead(401).end("secret token is wrong"),
  };
}
