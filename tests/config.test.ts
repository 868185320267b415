import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Config, ConfigError, loadConfig } from "../src/config.ts";
import { ROOT } from "./helpers.ts";

describe("loadConfig", () => {
  it("treats empty variables as unset and applies defaults", () => {
    const config = loadConfig({ LOG_LEVEL: "", CORPUS_DIRS: " " });
    expect(config.LOG_LEVEL).toBe("info");
    expect(config.CORPUS_DIRS).toBeUndefined();
  });

  it("splits CORPUS_DIRS on commas", () => {
    expect(loadConfig({ CORPUS_DIRS: "corpus, extra" }).CORPUS_DIRS).toEqual(["corpus", "extra"]);
  });

  it("names every bad variable at once", () => {
    expect(() => loadConfig({ LOG_LEVEL: "loud" })).toThrow(ConfigError);
    expect(() => loadConfig({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
  });
});

describe(".env.example", () => {
  it("lists exactly the variables the config schema reads", () => {
    const listed = readFileSync(`${ROOT}.env.example`, "utf8")
      .split("\n")
      .map((line) => line.match(/^([A-Z][A-Z0-9_]*)=/)?.[1])
      .filter(Boolean)
      .sort();
    expect(listed).toEqual(Object.keys(Config.shape).sort());
  });
});

describe("README", () => {
  it("documents every environment variable", () => {
    const readme = readFileSync(`${ROOT}README.md`, "utf8");
    for (const name of Object.keys(Config.shape)) expect(readme).toContain(`\`${name}\``);
  });
});
