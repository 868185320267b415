/**
 * Splitting replies into platform messages, shared by the renderers: pieces
 * (each a whole block, already escaped) are packed into messages under the
 * platform's limit, and a piece longer than a message is first cut at spaces,
 * so nothing is ever dropped. A cut never falls inside a surrogate pair (half
 * an emoji), an HTML entity (`&amp;`) or a backslash escape (`\*`), and the
 * work is linear in the text's length however it is written.
 */

/** An HTML entity is at most this long (`&#x1F600;`); a cut looks back this far for an open one. */
const MAX_ENTITY = 10;

/** Moves a cut back until it splits no surrogate pair, entity or backslash escape. */
function safeCut(text: string, at: number): number {
  let cut = at;
  const amp = text.lastIndexOf("&", cut - 1);
  if (amp >= 0 && cut - amp < MAX_ENTITY && /^&(?:[a-z]+|#\d+|#x[0-9a-f]+)?$/i.test(text.slice(amp, cut))) cut = amp;
  let slashes = 0;
  while (cut - slashes - 1 >= 0 && text.charCodeAt(cut - slashes - 1) === 0x5c) slashes++;
  if (slashes % 2 === 1) cut--;
  const before = text.charCodeAt(cut - 1);
  if (before >= 0xd800 && before <= 0xdbff) cut--;
  return cut;
}

/**
 * Cuts text into parts no longer than `limit`: at the last space in the second
 * half of a part, else at the limit itself (moved back to a safe place).
 */
export function splitAtSpaces(text: string, limit: number): string[] {
  const parts: string[] = [];
  let start = 0;
  while (text.length - start > limit) {
    const end = start + limit;
    const space = text.lastIndexOf(" ", end);
    let cut = space >= start + limit / 2 ? space : safeCut(text, end);
    if (cut <= start) cut = end;
    parts.push(text.slice(start, cut));
    start = cut;
    while (text.charCodeAt(start) === 0x20) start++;
  }
  return [...parts, text.slice(start)];
}

/** Packs pieces, joined by newlines, into as few messages of at most `limit` characters as they fit. */
export function packPieces(pieces: readonly string[], limit: number): string[] {
  const messages: string[] = [];
  let current = "";
  for (const piece of pieces) {
    const joined = current ? `${current}\n${piece}` : piece;
    if (joined.length <= limit) current = joined;
    else {
      if (current) messages.push(current);
      current = piece;
    }
  }
  if (current) messages.push(current);
  return messages;
}

/**
 * A URL the bot may make a link of: http(s) only, serialised by the WHATWG URL
 * parser, with `<`, `>`, quotes, brackets, parentheses, backslashes and spaces
 * percent-encoded, so it cannot break out of `<…>`, `(…)` or an attribute.
 * Anything else is not linked.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
    const href = parsed.href;
    return /[\s<>"'()[\]\\]/.test(href) ? href.replace(/[\s<>"'()[\]\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`) : href;
  } catch {
    return undefined;
  }
}
