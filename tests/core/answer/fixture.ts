/** A small literal corpus for the answer stages' tests: three short articles whose sentences each test one behaviour. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openLibrary, type Library } from "../../../src/core/library.ts";
import type { Passage } from "../../../src/core/passage-index.ts";

const ARTICLES: Record<string, string> = {
  "2025-05-02-harbour-board-approves-tokenised-bonds.md": `---
title: Harbour Board approves tokenised bonds
date: 2025-05-02
source: Fixture Times
url: https://example.com/harbour-board
---
KARACHI: The Karachi Harbour Board approved a plan on Tuesday to issue tokenised bonds worth 300 million rupees.

The board's chairman, Farida Qureshi, signed the approval at a ceremony in Gwadar.

Qureshi said the bonds would be sold to retail savers. This meeting was the final event of the board's spring session.

The harbour board made the news in 2025 with a new pier. Tokenisation means recording who owns an asset on a blockchain.

The harbour board made the news in 2019 with a dredging contract.

Officials were cautious about the timetable. They said no issuance would happen before the regulator publishes its rules.

Subscribe to our newsletter for the latest news on tokenised bonds.
`,
  "2025-06-10-solar-miners-get-grid-power.md": `---
title: Solar miners get grid power
date: 2025-06-10
source: Fixture Times
url: https://example.com/solar-miners
---
LAHORE: The energy ministry allocated 500 megawatts of surplus electricity to bitcoin miners in Punjab.

The allocation could create thousands of jobs, according to the ministry.

The ministry did not say how the electricity would be priced. It will bring a tariff plan to the cabinet next month.

The ministry will review the miners' tariff twice a year.
`,
  "2025-07-01-council-opens-training-centre.md": `---
title: Council opens training centre
date: 2025-07-01
source: Fixture Times
url: https://example.com/training-centre
---
The Blockchain Skills Council opened a training centre in Multan for young programmers.

The council will fund upskilling programmes for women developers. The centre has two classrooms.

He added that the centre is not a regulator and has no licensing powers.

The centre offers two courses:

• Solidity for beginners;

• Smart contract audits.

Amina Siddiqui, an economist, doubted the plan. "A centre with two classrooms cannot train a generation," she said.
`,
  "2025-08-04-platform-audit-finds-gaps.md": `---
title: Platform audit finds gaps in client records
date: 2025-08-04
source: Fixture Times
url: https://example.com/platform-audit
---
The chief executive of the Indus Digital Platform, Omar Baig, stepped down after a six-week audit.

Some traders were unhappy. Withdrawals had been frozen for three weeks before the audit began.
`,
};

let built: Library | undefined;

/** The fixture library, built once per test file. */
export function fixtureLibrary(): Library {
  return (built ??= libraryOf(ARTICLES));
}

/** The fixture library's first sentence that holds `text`. */
export function fixturePassage(text: string): Passage {
  return [...fixtureLibrary().index.passages].find((p) => p.text.includes(text))!;
}

/** A library of the given article files (name → text), for a test that needs articles of its own. */
export function libraryOf(articles: Record<string, string>): Library {
  const dir = mkdtempSync(join(tmpdir(), "daleel-answer-stages-"));
  for (const [name, text] of Object.entries(articles)) writeFileSync(join(dir, name), text);
  return openLibrary([dir], { warmUp: false, threads: 1 });
}

/**
 * An article file for a test's own library: its name and text, the front
 * matter made from the date and title (a fixture outlet and URL).
 *
 * @example libraryOfArticles(articleFile("2025-07-10", "Governor warns", "Governor Jameel Ahmad said …"))
 */
export function articleFile(date: string, title: string, body: string): [string, string] {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return [`${date}-${slug}.md`, `---\ntitle: ${title}\ndate: ${date}\nsource: Fixture Times\nurl: https://example.com/${slug}\n---\n${body}\n`];
}

/** A library of the given article files (see articleFile). */
export function libraryOfArticles(...articles: [string, string][]): Library {
  return libraryOf(Object.fromEntries(articles));
}

/** An event named in a paragraph's first sentence, its venue in the next paragraph's definite description. */
export const harbourWeek = (): Library =>
  libraryOfArticles(
    articleFile("2026-03-04", "Qureshi pitches tokenised bonds to investors", "GWADAR: Farida Qureshi opened Harbour Week in Gwadar on Monday. She told the audience at Harbour Week that the bonds would sell out. The task now, she said, was to find buyers abroad.\n\nThe three-day fair, held at the Marina Pavilion, drew 4,000 visitors."),
    articleFile("2026-02-11", "Harbour board approves bonds", "The Karachi Harbour Board approved tokenised bonds on Tuesday."),
  );
