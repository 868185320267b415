import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { handleConsoleLine, runConsole } from "../../src/adapters/console/console.ts";
import { renderReplyText } from "../../src/adapters/console/render.ts";
import { commandLine, contractSuite } from "../contract.ts";
import { bundledLibrary } from "../helpers.ts";

const library = bundledLibrary();
const deps = { library: () => library, commands };

contractSuite("console", async (call) => (await handleConsoleLine(deps, commandLine(call), { isModerator: async () => call.moderator })) ?? "");

describe("handleConsoleLine", () => {
  it("answers a bare question and /ask alike, with numbered sources", async () => {
    const bare = await handleConsoleLine(deps, "What is PVARA?");
    expect(bare).toBe(await handleConsoleLine(deps, "/ask What is PVARA?"));
    expect(bare).toMatch(/\[1\][\s\S]*Sources:\n\[1\] Pakistan Joins Bitcoin Revolution .* — Times of Islamabad, 2025-07-18/);
  });

  it("lists closest articles when it refuses", async () => {
    expect(await handleConsoleLine(deps, "What is the bitcoin price forecast for next year?")).toMatch(/can't answer[\s\S]*Closest articles:/);
  });

  it("rejects unknown commands and too-short questions with a hint, and quits", async () => {
    expect(await handleConsoleLine(deps, "/nope")).toMatch(/Unknown command/);
    expect(await handleConsoleLine(deps, "ok")).toBe("That is too short to look up. Ask me a whole question, e.g. What is PVARA?");
    expect(await handleConsoleLine(deps, "/quit")).toBeNull();
  });
});

describe("runConsole", () => {
  it("greets, answers each line and stops at /quit", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = "";
    output.on("data", (chunk) => (text += String(chunk)));
    const done = runConsole(deps, input, output);
    input.end("Where did Saqib meet Eric Adams?\n/quit\nnever read\n");
    await done;
    expect(text).toMatch(/5 articles loaded/);
    expect(text).toContain("Gracie Mansion");
  });
});

describe("renderReplyText", () => {
  it("puts a quote in quotation marks once, even when the sentence is itself a quotation", () => {
    const reply = { blocks: [{ type: "quote" as const, text: "“The market has finally picked up. Let’s not ruin it.”", cites: [1] }, { type: "quote" as const, text: "He met the mayor.", cites: [2] }], sources: [] };
    const shown = renderReplyText(reply);
    expect(shown).toContain("  “The market has finally picked up. Let’s not ruin it.” [1]");
    expect(shown).toContain("  “He met the mayor.” [2]");
    expect(shown).not.toContain("““");
  });

  it("puts single marks around a sentence that opens a quotation of its own", () => {
    const text = "“El Salvador’s bold Bitcoin experiment has inspired governments around the world,” Saqib said in an official statement.";
    const shown = renderReplyText({ blocks: [{ type: "quote", text, cites: [1] }], sources: [] });
    expect(shown).toContain(`  ‘${text}’ [1]`);
  });
});
