/**
 * Hostile text through every renderer: links the bot did not make, URLs that
 * try to break out, run-on sentences, emoji, entities and escapes at every
 * cut, control characters. Each renderer must show them as text, within its
 * platform's limits, quickly.
 */
import { describe, expect, it } from "vitest";
import { type Block, type Reply, answerReply, sourcesOf } from "../../src/reply.ts";
import { renderReplyText } from "../../src/adapters/console/render.ts";
import { MAX_CONTENT, renderDiscord } from "../../src/adapters/discord/render.ts";
import { splitAtSpaces } from "../../src/adapters/split.ts";
import { MAX_MESSAGE, paginate, renderTelegram } from "../../src/adapters/telegram/render.ts";
import type { Citation } from "../../src/core/article.ts";
import { checkHtml } from "../fakes/telegram.ts";

const MASKED = "[Claim PVARA airdrop](https://evil.example/x)";
const RUN_ON = `${"The reserve grows".repeat(1)}${"x".repeat(40_000)}`;
const EMOJI = "😀".repeat(5_000);
const AMPERSANDS = "&<>\"".repeat(4_000);
const BACKSLASHES = "\\*".repeat(5_000);
const CONTROL = "\u001b[31mred\u001b[0m\u0007 bell \u202eevil";

const citation = (n: number, over: Partial<Citation> = {}): Citation => ({ n, article: n, articleId: `a${n}`, title: `Title ${MASKED}`, source: `Outlet ${MASKED}`, date: "2025-06-06", url: "https://nextwallet.money/a", approximate: false, quote: "A quote.", ...over });

const hostileCitations: Citation[] = [
  citation(1),
  citation(2, { url: "javascript:alert(1)" }),
  citation(3, { url: "https://a.example/x>)[Click](https://evil.example/y" }),
  citation(4, { url: "https://ok.example/a b<c>" }),
  citation(5, { url: "data:text/html,<script>alert(1)</script>" }),
];

const hostileBlocks: Block[] = [
  { type: "heading", text: `Timeline: ${MASKED}` },
  { type: "text", text: `I can't answer "${MASKED}" <@&123> @everyone\n# heading\n> quote\n- list\n1. item` },
  { type: "quote", text: `Quoted ${MASKED} claim.`, cites: [1, 2, 3], label: MASKED },
  { type: "item", title: MASKED, url: "javascript:alert(1)", meta: MASKED },
  { type: "quote", text: RUN_ON, cites: [4] },
  { type: "quote", text: EMOJI, cites: [5] },
  { type: "text", text: AMPERSANDS },
  { type: "text", text: BACKSLASHES },
  { type: "text", text: CONTROL },
];
const hostile: Reply = { blocks: hostileBlocks, sources: sourcesOf(hostileCitations) };

/** Discord masked links whose `]` is not backslash-escaped. */
function unescapedLinks(message: string): string[] {
  const found: string[] = [];
  for (const match of message.matchAll(/\]\(<?([^)>\s]*)/g)) {
    let slashes = 0;
    for (let i = match.index! - 1; i >= 0 && message[i] === "\\"; i--) slashes++;
    if (slashes % 2 === 0) found.push(match[1]!);
  }
  return found;
}

/** No lone UTF-16 surrogate: no emoji was cut in half. */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

function endsInsideEscape(message: string): boolean {
  let slashes = 0;
  for (let i = message.length - 1; i >= 0 && message[i] === "\\"; i--) slashes++;
  return slashes % 2 === 1;
}

describe("renderDiscord with hostile input", () => {
  const started = performance.now();
  const messages = renderDiscord(hostile);
  const ms = performance.now() - started;

  it("links only the citations it made, to http(s) URLs that cannot break out", () => {
    const links = messages.flatMap(unescapedLinks);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(new URL(link).host).toMatch(/^(nextwallet\.money|a\.example|ok\.example)$/);
    expect(messages.join("\n")).not.toMatch(/\]\(<?javascript:|\]\(<?data:/);
  });

  it("keeps every message within 2000 characters, whole emoji and whole escapes", () => {
    for (const message of messages) {
      expect(message.length).toBeLessThanOrEqual(MAX_CONTENT);
      expect(wellFormed(message)).toBe(true);
      expect(endsInsideEscape(message)).toBe(false);
    }
  });

  it("pings no one and starts no markdown block from user text", () => {
    const all = messages.join("\n");
    expect(all).not.toMatch(/<@&123>|(?<!\u200b)@everyone/);
    expect(all).toContain("\\# heading");
    expect(all).toContain("\\> quote");
  });

  it("renders it all in well under 100 ms", () => {
    expect(ms).toBeLessThan(100);
  });
});

describe("renderTelegram with hostile input", () => {
  const started = performance.now();
  const messages = renderTelegram(hostile);
  const pages = paginate({ ...hostile, pageable: true });
  const ms = performance.now() - started;

  it("sends HTML Telegram accepts, within 4096 characters, with no link but the citations'", () => {
    for (const html of [...messages, ...pages]) {
      expect(checkHtml(html)).toBeUndefined();
      expect(html.length).toBeLessThanOrEqual(MAX_MESSAGE);
      expect(wellFormed(html)).toBe(true);
      for (const [, href] of html.matchAll(/<a href="([^"]*)"/g)) expect(href).toMatch(/^https:\/\/(nextwallet\.money|a\.example|ok\.example)\/[^<>" ]*$/);
    }
    expect(messages.join("")).toContain("[Claim PVARA airdrop](https://evil.example/x)");
  });

  it("splits one timeline event longer than a page across pages", () => {
    const long: Reply = { blocks: [{ type: "heading", text: "Timeline" }, { type: "quote", text: "word ".repeat(9_000).trim(), cites: [1], label: "2025-06-06" }], sources: sourcesOf([citation(1)]), pageable: true };
    const longPages = paginate(long);
    expect(longPages.length).toBeGreaterThan(1);
    for (const page of longPages) {
      expect(page.length).toBeLessThanOrEqual(MAX_MESSAGE);
      expect(checkHtml(page)).toBeUndefined();
    }
  });

  it("renders it all in well under 100 ms", () => {
    expect(ms).toBeLessThan(100);
  });
});

describe("renderReplyText with hostile input", () => {
  it("strips terminal control characters and bidi overrides", () => {
    const text = renderReplyText(hostile);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(text).toContain("[31mred");
  });
});

describe("a 40 KB run-on sentence as an answer", () => {
  const answer = { question: "q", answer: "", abstained: false, sentences: [{ text: RUN_ON, cites: [1] }], citations: [citation(1, { quote: RUN_ON })], related: [] };

  it("is shown clipped with a visible […], in one message on each platform", () => {
    const reply = answerReply(answer as never);
    expect(renderDiscord(reply)).toHaveLength(1);
    expect(renderTelegram(reply)).toHaveLength(1);
    expect(renderDiscord(reply)[0]).toContain("x \\[…\\] [1]");
    expect(renderTelegram(reply)[0]).toContain("x […] [1]");
  });
});

describe("splitAtSpaces", () => {
  it("never leaves half an emoji, entity or escape at a cut", () => {
    for (const text of [EMOJI, "&amp;".repeat(3000), "\\*".repeat(3000), `a${"😀".repeat(2000)}`]) {
      const parts = splitAtSpaces(text, 1001);
      expect(parts.join("")).toBe(text);
      for (const part of parts) {
        expect(part.length).toBeLessThanOrEqual(1001);
        expect(wellFormed(part)).toBe(true);
        expect(endsInsideEscape(part)).toBe(false);
        expect(part).not.toMatch(/&[a-z]*$/);
      }
    }
  });
});
