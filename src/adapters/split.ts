/**
 * Splitting replies into platform messages, shared by the renderers: pieces
 * (each a whole block, already escaped) are packed into messages under the
 * platform's limit, and a piece longer than a message is first cut at spaces,
 * so nothing is ever dropped.
 */

/** Cuts text at spaces into parts no longer than `limit` (mid-word only for a word longer than half of it). */
export function splitAtSpaces(text: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf(" ", limit);
    if (cut < limit / 2) cut = limit;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  return [...parts, rest];
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
