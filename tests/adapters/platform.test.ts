import { describe, expect, it } from "vitest";
import { commands, findCommand } from "../../commands/index.ts";
import { NOT_A_MODERATOR } from "../../commands/run.ts";
import { commandReply, pressPost } from "../../src/adapters/platform.ts";
import { UserError } from "../../src/core/errors.ts";
import type { DigestService } from "../../src/digests/service.ts";
import { bundledLibrary } from "../helpers.ts";

const deps = () => ({ library: () => bundledLibrary(), commands });
const textOf = (reply: { blocks: { type: string; text?: string }[] }) => reply.blocks.map((b) => b.text ?? "").join("\n");

describe("commandReply", () => {
  it("asks the platform once whether the caller is a moderator, before reading any option", async () => {
    let asked = 0;
    let read = 0;
    const caller = { isModerator: async () => (asked++, false), id: "telegram:5" };
    const reply = await commandReply(findCommand("digest")!, { caller, options: () => (read++, {}) }, deps());
    expect(textOf(reply)).toBe(NOT_A_MODERATOR);
    expect(reply.private).toBe(true);
    expect([asked, read]).toEqual([1, 0]);
  });

  it("runs a moderator's command without asking again", async () => {
    let asked = 0;
    const caller = { isModerator: async () => (asked++, true), id: "discord:5" };
    const reply = await commandReply(findCommand("digest")!, { caller, options: () => ({ since: "2025-06-01" }) }, deps());
    expect(textOf(reply)).toMatch(/News digest/);
    expect(asked).toBe(1);
  });

  it("shows a UserError privately, from the options or the command, and lets any other error through", async () => {
    const caller = { isModerator: async () => false };
    const ask = findCommand("ask")!;
    const fromOptions = await commandReply(ask, { caller, options: () => { throw new UserError("That file is not text."); } }, deps());
    expect([textOf(fromOptions), fromOptions.private]).toEqual(["That file is not text.", true]);
    const fromParse = await commandReply(ask, { caller, options: () => ({ question: "x".repeat(301) }) }, deps());
    expect(textOf(fromParse)).toMatch(/^question: too long/);
    await expect(commandReply(ask, { caller, options: () => { throw new Error("disk on fire"); } }, deps())).rejects.toThrow("disk on fire");
  });
});

describe("pressPost", () => {
  it("says so when digests are off, and shows a UserError as the presser's line", async () => {
    expect(await pressPost(deps(), "p1", "discord:1", async () => true)).toEqual(["Digests are not enabled on this bot."]);
    const digests = { post: async () => { throw new UserError("This preview has expired; run /digest again."); } } as unknown as DigestService;
    expect(await pressPost({ ...deps(), digests }, "p1", "discord:1", async () => true)).toEqual(["This preview has expired; run /digest again."]);
  });
});
