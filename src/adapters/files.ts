/**
 * Reading an article file a moderator sent from chat: only .txt and .md, at
 * most MAX_FILE_BYTES, and it must decode as UTF-8 text.
 */
import { UserError } from "../core/errors.ts";

export const MAX_FILE_BYTES = 512 * 1024;

/** Checks a file's name and size before it is downloaded. */
export function checkArticleFile(name: string | undefined, size: number | undefined): void {
  if (!name || !/\.(txt|md)$/i.test(name)) throw new UserError(`Only .txt and .md files can be added${name ? `, not "${name}"` : ""}.`);
  if (size !== undefined && size > MAX_FILE_BYTES) throw new UserError(`That file is too large (${Math.ceil(size / 1024)} KB; at most ${MAX_FILE_BYTES / 1024} KB).`);
}

/** Downloads a file and returns its text; refuses binary or oversized content. */
export async function downloadText(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  if (!response.ok) throw new Error(`file download failed with HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > MAX_FILE_BYTES) throw new UserError(`That file is too large (at most ${MAX_FILE_BYTES / 1024} KB).`);
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    if (text.includes("\u0000")) throw new Error("NUL byte");
    return text;
  } catch {
    throw new UserError("That file is not text.");
  }
}
