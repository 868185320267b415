import { describe, expect, it } from "vitest";
import { z } from "zod";
import { commands, findCommand } from "../../commands/index.ts";
import { parseOptions, parseText, runCommand, usage } from "../../commands/run.ts";
import { daysAgo } from "../../commands/digest.ts";
import { EXAMPLE_QUESTIONS } from "../../commands/examples.ts";
import { readDate } from "../../commands/dates.ts";
import { bundledLibrary } from "../helpers.ts";

const library = bundledLibrary();
const deps = { library: () => library, commands };
const everyone = { isModerator: async () => false };

describe("the command list", () => {
  it("declares every command once, with a valid name, a short description and described options", () => {
    expect(commands.map((c) => c.name)).toEqual(["ask", "summary", "timeline", "digest", "sources", "ingest", "feeds", "help", "about"]);
    for (const command of commands) {
      expect(command.name).toMatch(/^[a-z]{1,32}$/);
      expect(command.description.length).toBeLessThanOrEqual(100);
      for (const [, field] of Object.entries((command.options as z.ZodObject).shape)) expect((field as z.ZodType).description).toBeTruthy();
    }
  });
});

describe("parseText", () => {
  it("reads name:value pairs and free text for the positional option", () => {
    expect(parseText(findCommand("timeline")!, "El Salvador from:2025-01-01 to:2025-12-31")).toEqual({ topic: "El Salvador", from: "2025-01-01", to: "2025-12-31" });
    expect(parseText(findCommand("digest")!, "days:7")).toEqual({ days: 7 });
  });
});

describe("parseOptions", () => {
  it("rejects over-long questions, unknown options and bad dates with a usage hint", () => {
    expect(() => parseOptions(findCommand("ask")!, { question: "x".repeat(301) })).toThrow(/question: too long \(at most 300 characters\)\. Usage: \/ask question/);
    expect(() => parseOptions(findCommand("ask")!, { question: "What is PVARA?", colour: "red" })).toThrow(/unknown option colour/);
    expect(() => parseOptions(findCommand("ingest")!, { date: "2025-02-30", text: "Some article" })).toThrow(/date: expected an ISO date/);
  });

  it("builds usage lines from the schema", () => {
    expect(usage(findCommand("timeline")!)).toBe("/timeline [topic] [from:date] [to:date]");
    expect(usage(findCommand("ingest")!)).toMatch(/^\/ingest \[url:…\] \[date:YYYY-MM-DD\] /);
  });
});

describe("runCommand", () => {
  it("denies moderator commands when the moderator check fails or throws", async () => {
    const digest = findCommand("digest")!;
    expect((await runCommand(digest, {}, deps, everyone)).private).toBe(true);
    const broken = { isModerator: () => Promise.reject(new Error("lookup failed")) };
    expect((await runCommand(digest, {}, deps, broken)).blocks[0]).toEqual({ type: "text", text: "Only moderators can use this command." });
  });

  it("refuses a timeline whose from is after its to, privately", async () => {
    const reply = await runCommand(findCommand("timeline")!, { from: "2025-08-01", to: "2025-01-01" }, deps, everyone);
    expect(reply).toMatchObject({ private: true, blocks: [{ type: "text", text: '"from" (2025-08-01) is after "to" (2025-01-01).' }] });
  });

  it("counts a digest's days back from today", () => {
    expect(daysAgo(7, new Date("2025-06-07T10:00:00Z"))).toBe("2025-06-01");
  });
});

describe("friendly edges", () => {
  const say = async (name: string, raw: Record<string, unknown>) => {
    const reply = await runCommand(findCommand(name)!, raw, deps, everyone);
    return reply.blocks.map((b) => ("text" in b ? b.text : "")).join("\n");
  };

  it("answers a greeting or thanks with who Daleel is and three example questions", async () => {
    for (const greeting of ["hi", "Hello!", "salaam", "thanks", "Thank you"]) {
      const reply = await say("ask", { question: greeting });
      expect(reply).toMatch(/^Salaam! I'm Daleel\. I answer questions about Pakistan's crypto agenda from 5 news articles/);
      for (const example of EXAMPLE_QUESTIONS) expect(reply).toContain(example);
    }
  });

  it("asks for a whole question when a line is too short to look up", async () => {
    expect(await say("ask", { question: "ok" })).toBe("That is too short to look up. Ask me a whole question, e.g. What is PVARA?");
  });

  it("says which option is missing, with the command's example, in words for people", async () => {
    expect(await say("summary", {})).toBe("Tell me the topic, e.g. /summary Strategic Bitcoin Reserve");
  });

  it("shows the example questions in /help", async () => {
    const help = await say("help", {});
    for (const example of EXAMPLE_QUESTIONS) expect(help).toContain(example);
  });

  it("offers only example questions the bundled corpus answers", () => {
    for (const example of EXAMPLE_QUESTIONS) expect(library.ask(example).abstained, example).toBe(false);
  });
});

describe("date options as people write them", () => {
  it("reads a day, a month, a year and words, each as the days it means", () => {
    expect(readDate("from", "2025-06-01", "2026-11-22")).toMatchObject({ start: "2025-06-01", end: "2025-06-01" });
    expect(readDate("from", "2025-06", "2026-11-22")).toMatchObject({ start: "2025-06-01", end: "2025-06-30" });
    expect(readDate("from", "2024", "2026-11-22")).toMatchObject({ start: "2024-01-01", end: "2024-12-31" });
    expect(readDate("from", "May 2025", "2026-11-22")).toMatchObject({ start: "2025-05-01", end: "2025-05-31" });
    expect(readDate("since", "since May 2025", "2026-11-22")).toMatchObject({ start: "2025-05-01" });
    expect(readDate("from", "last month", "2026-11-22")).toMatchObject({ start: "2026-10-01", end: "2026-10-31" });
    expect(() => readDate("from", "someday")).toThrow('from: cannot read "someday" as a date; try 2025-06-01, 2025-06, "May 2025" or "last month" (words in quotes).');
  });

  it("shows which dates a timeline read when they were given in words", async () => {
    const reply = await runCommand(findCommand("timeline")!, { topic: "El Salvador", from: "2025-07", to: "2025" }, deps, everyone);
    expect(reply.blocks[0]).toEqual({ type: "text", text: "Dates read: from 2025-07-01 (“2025-07”), to 2025-12-31 (“2025”)." });
    const plain = await runCommand(findCommand("timeline")!, { topic: "El Salvador", from: "2025-07-01" }, deps, everyone);
    expect(JSON.stringify(plain.blocks)).not.toContain("Dates read");
  });
});
