import { describe, expect, it } from "vitest";
import { answer, withSubject } from "../../../src/core/answer/index.ts";
import { bundledLibrary } from "../../helpers.ts";

const index = () => bundledLibrary().index;
const LETTER = "Tell me about the El Salvador letter of intent";

describe("withSubject", () => {
  it("adds the earlier question's subject to a follow-up that has none", () => {
    expect(withSubject(index(), "when was that?", LETTER)).toBe("when was that? El Salvador letter intent");
  });

  it("adds only the subject words the follow-up lacks, never the earlier answer-type words", () => {
    expect(withSubject(index(), "who signed the letter?", LETTER)).toBe("who signed the letter? El Salvador intent");
    expect(withSubject(index(), "and where?", "Which city did Bilal bin Saqib visit?")).toBe("and where? Bilal bin Saqib visit");
  });

  it("asks a follow-up that names something new as it is", () => {
    expect(withSubject(index(), "what about PVARA?", LETTER)).toBe("what about PVARA?");
  });
});

describe("answer with a previous question", () => {
  it("answers a follow-up the corpus cannot answer alone, and says how it read it", () => {
    expect(answer(index(), "when was that?").abstained).toBe(true);
    const followed = answer(index(), "when was that?", { previous: LETTER });
    expect(followed.abstained).toBe(false);
    expect(followed.asked).toBe("when was that? El Salvador letter intent");
    expect(followed.citations[0]!.title).toContain("Bitcoin Revolution");
  });

  it("answers a fresh question as it is", () => {
    expect(answer(index(), "What is PVARA?").asked).toBe("What is PVARA?");
  });
});
