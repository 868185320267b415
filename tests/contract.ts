/**
 * The contract every adapter honours: each command, run through the adapter
 * the way a user would, shows the same evidence. An adapter's test calls
 * `contractSuite` with a driver that runs one command and returns what the
 * user sees (all messages joined).
 */
import { describe, expect, it } from "vitest";
import { commands } from "../commands/index.ts";

export interface ContractCall {
  command: string;
  options: Record<string, string | number>;
  moderator: boolean;
}

export type Driver = (call: ContractCall) => Promise<string>;

/** The call as a user would type it: "/timeline El Salvador from:2025-01-01". */
export function commandLine({ command, options }: ContractCall): string {
  const positional = commands.find((c) => c.name === command)?.positional;
  const words = Object.entries(options).map(([k, v]) => (k === positional ? String(v) : `${k}:${v}`));
  return [`/${command}`, ...words].join(" ");
}

/** Corpus text as it may appear after an adapter escapes it: compare on letters and digits only. */
const loose = (s: string) => s.replace(/&[a-z]+;|&#\d+;|\\/g, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();

const TIMES_TITLE = "Pakistan Joins Bitcoin Revolution in Landmark Deal with Global Crypto Leaders";
const TIMES_URL = "timesofislamabad.com/18-07-2025/pakistan-joins-bitcoin-revolution";
const count = (text: string, part: string) => text.split(part).length - 1;

export function contractSuite(adapter: string, drive: Driver): void {
  describe(`${adapter}: the command contract`, () => {
    it("/ask answers with the quoted sentence and a numbered, dated source", async () => {
      const seen = loose(await drive({ command: "ask", options: { question: "Where did Bilal Bin Saqib meet Mayor Eric Adams?" }, moderator: false }));
      expect(seen).toContain("met with New York City Mayor Eric Adams at Gracie Mansion");
      expect(seen).toContain("NextWallet");
      expect(seen).toContain("2025 06 06");
    });

    it("/ask refuses what the corpus does not cover", async () => {
      expect(await drive({ command: "ask", options: { question: "Who won the 2022 FIFA World Cup?" }, moderator: false })).toMatch(/can.t answer/);
    });

    it("/summary quotes several articles", async () => {
      const seen = loose(await drive({ command: "summary", options: { topic: "Strategic Bitcoin Reserve" }, moderator: false }));
      expect(seen).toContain("Bitcoin 2025 Conference in Las Vegas");
    });

    it("/timeline lists dated events in order", async () => {
      const seen = await drive({ command: "timeline", options: { topic: "El Salvador" }, moderator: false });
      expect(seen.indexOf("2021")).toBeGreaterThanOrEqual(0);
      expect(seen.indexOf("2021")).toBeLessThan(seen.indexOf("2025-07-18"));
    });

    it("/ask lists an article it quotes several times as one source, cited by each quote", async () => {
      const shown = await drive({ command: "ask", options: { question: "What did Bilal bin Saqib say about El Salvador?" }, moderator: false });
      expect(count(loose(shown), TIMES_TITLE)).toBe(1);
      expect(count(shown, "[1]")).toBeGreaterThanOrEqual(3); // two quotes and the source line
      expect(shown).not.toContain("[2]");
    });

    it("/summary quoting one article four times lists it once, as [1]", async () => {
      const shown = await drive({ command: "summary", options: { topic: "El Salvador" }, moderator: false });
      expect(count(shown, "[1]")).toBeGreaterThanOrEqual(5); // four quotes and the source line
      expect(count(loose(shown), TIMES_TITLE)).toBe(1);
      expect(shown).not.toContain("[2]");
    });

    it("/timeline numbers its sources by article: two events from one article, one source", async () => {
      const shown = await drive({ command: "timeline", options: { topic: "El Salvador" }, moderator: false });
      expect(count(loose(shown), TIMES_TITLE)).toBe(1);
      expect(shown).not.toContain("[2]");
    });

    it("/digest names each article once, with its link once", async () => {
      const shown = await drive({ command: "digest", options: { since: "2025-07-01" }, moderator: true });
      expect(count(loose(shown), TIMES_TITLE)).toBe(1);
      expect(count(shown, TIMES_URL)).toBe(1);
    });

    it("/timeline says so when nothing matches", async () => {
      expect(await drive({ command: "timeline", options: { from: "2030-01-01" }, moderator: false })).toMatch(/No dated events/);
    });

    it("/digest is for moderators only", async () => {
      expect(await drive({ command: "digest", options: { since: "2025-06-01" }, moderator: false })).toMatch(/Only moderators/);
      const seen = loose(await drive({ command: "digest", options: { since: "2025-06-01" }, moderator: true }));
      expect(seen).toContain("News digest 4 articles");
    });

    it("/sources lists the articles", async () => {
      expect(loose(await drive({ command: "sources", options: { tag: "el-salvador" }, moderator: false }))).toContain("Pakistan Joins Bitcoin Revolution");
    });

    it("/help lists every command and /about describes the corpus", async () => {
      const help = await drive({ command: "help", options: {}, moderator: false });
      for (const command of commands) expect(help).toContain(`/${command.name}`);
      expect(await drive({ command: "about", options: {}, moderator: false })).toMatch(/5 news articles/);
    });

    it("rejects bad options with a short usage hint", async () => {
      expect(await drive({ command: "timeline", options: { from: "someday" }, moderator: false })).toMatch(/from: cannot read .*someday.* as a date; try 2025-06-01, 2025-06, .*May 2025.* or .*last month.* \(words in quotes\)\./);
    });
  });
}
