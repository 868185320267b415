import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { handleConsoleLine, runConsole } from "../../src/adapters/console/console.ts";
import { bundledLibrary } from "../helpers.ts";

const library = bundledLibrary();

describe("handleConsoleLine", () => {
  it("answers a bare question and /ask alike, with numbered sources", () => {
    const bare = handleConsoleLine(library, "What is PVARA?");
    expect(bare).toBe(handleConsoleLine(library, "/ask What is PVARA?"));
    expect(bare).toMatch(/\[1\][\s\S]*Sources:\n\[1\] Pakistan Joins Bitcoin Revolution .* — Times of Islamabad, 2025-07-18/);
  });

  it("lists closest articles when it refuses", () => {
    expect(handleConsoleLine(library, "What is the bitcoin price forecast for next year?")).toMatch(/can't answer[\s\S]*Closest articles:/);
  });

  it("shows help, rejects unknown commands and too-short questions, and quits", () => {
    expect(handleConsoleLine(library, "/help")).toContain("/quit");
    expect(handleConsoleLine(library, "/nope")).toMatch(/Unknown command/);
    expect(handleConsoleLine(library, "hi")).toMatch(/at least 3 characters/);
    expect(handleConsoleLine(library, "/quit")).toBeNull();
  });
});

describe("runConsole", () => {
  it("greets, answers each line and stops at /quit", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = "";
    output.on("data", (chunk) => (text += String(chunk)));
    const done = runConsole(library, input, output);
    input.end("Where did Saqib meet Eric Adams?\n/quit\nnever read\n");
    await done;
    expect(text).toMatch(/5 articles loaded/);
    expect(text).toContain("Gracie Mansion");
  });
});
