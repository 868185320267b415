/**
 * Deterministic synthetic news corpora for the benchmark: ≈500-word articles
 * with dates, outlets, recurring names and acronyms ("Long Name (ACR)"),
 * dates written in the text, and questions to ask of them.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** A small seeded generator (LCG), so every run builds the same corpus. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PEOPLE = ["Ayesha Rauf", "Imran Qadir", "Sana Mirza", "Bilal Ahmed", "Farah Qureshi", "Usman Tariq", "Nadia Hussain", "Kamran Sheikh", "Hina Baig", "Zubair Malik", "Saima Anwar", "Tariq Jamil", "Rabia Siddiqui", "Adnan Chaudhry", "Mehwish Khan", "Omar Farooq"];
const ORGS: [string, string][] = [
  ["Pakistan Virtual Assets Regulatory Authority", "PVARA"],
  ["State Bank of Pakistan", "SBP"],
  ["Securities and Exchange Commission of Pakistan", "SECP"],
  ["Pakistan Crypto Council", "PCC"],
  ["Federal Board of Revenue", "FBR"],
  ["National Electric Power Regulatory Authority", "NEPRA"],
  ["Financial Monitoring Unit", "FMU"],
  ["Special Investment Facilitation Council", "SIFC"],
  ["Pakistan Telecommunication Authority", "PTA"],
  ["Board of Investment", "BOI"],
];
const PLACES = ["Karachi", "Lahore", "Islamabad", "Peshawar", "Quetta", "Multan", "Faisalabad", "Gwadar", "Sialkot", "Hyderabad", "Rawalpindi", "Abbottabad"];
const OUTLETS = ["Dawn", "The Express Tribune", "Business Recorder", "The News", "Profit", "Arab News", "NextWallet", "Times of Islamabad"];
const TOPICS = ["bitcoin mining", "stablecoin remittances", "exchange licensing", "a central bank digital currency", "tokenised bonds", "anti-money laundering rules", "crypto taxation", "a regulatory sandbox", "blockchain land records", "surplus electricity for data centres", "a strategic bitcoin reserve", "digital payments"];
const VERBS = ["announced", "approved", "reviewed", "proposed", "criticised", "welcomed", "delayed", "expanded"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const RELATIVE = ["last week", "on Thursday", "earlier this month", "this week", "a day prior", "on Monday"];
const FILLER = [
  "Analysts said the decision would shape how investors view the sector over the coming year.",
  "Industry groups asked for clearer timelines and a public consultation before the rules take effect.",
  "The move follows months of talks between regulators, banks and technology companies.",
  "Critics warned that enforcement capacity remains limited outside the largest cities.",
  "Officials said further details would be published on the regulator's website.",
  "Supporters argued the plan could bring informal activity into the documented economy.",
];

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

export interface SyntheticArticle {
  file: string;
  title: string;
  date: string;
}

function isoDate(r: () => number): string {
  const year = 2023 + Math.floor(r() * 3);
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function sentence(r: () => number, i: number, n: number): string {
  const person = pick(r, PEOPLE);
  const [org, acr] = pick(r, ORGS);
  const place = pick(r, PLACES);
  const topic = pick(r, TOPICS);
  const amount = 10 + Math.floor(r() * 990);
  switch (Math.floor(r() * 7)) {
    case 0:
      return `The ${org} (${acr}) ${pick(r, VERBS)} a framework for ${topic} in ${place} ${pick(r, RELATIVE)}, according to a statement.`;
    case 1:
      return `${person}, a senior official at the ${acr}, said ${topic} could attract $${amount} million in investment by ${2025 + (i % 4)}.`;
    case 2:
      return `On ${MONTHS[Math.floor(r() * 12)]} ${1 + Math.floor(r() * 28)}, ${2023 + Math.floor(r() * 3)}, the ${acr} held a hearing in ${place} on ${topic}.`;
    case 3:
      return `“We are moving carefully but quickly,” ${person} told reporters in ${place}, referring to ${topic}.`;
    case 4:
      return `The proposal would allocate ${amount} megawatts of power and create about ${amount * 12} jobs across ${place} and nearby districts.`;
    case 5:
      return `Article ${n}-${i}: ${pick(r, FILLER)}`;
    default:
      return pick(r, FILLER);
  }
}

/** Writes `count` articles into `dir` as corpus .md files; returns their titles and dates. */
export function writeSyntheticCorpus(dir: string, count: number, seed = 42): SyntheticArticle[] {
  mkdirSync(dir, { recursive: true });
  const r = seeded(seed);
  const articles: SyntheticArticle[] = [];
  for (let n = 0; n < count; n++) {
    const date = isoDate(r);
    const topic = pick(r, TOPICS);
    const [org, acr] = pick(r, ORGS);
    const title = `${acr} ${pick(r, VERBS)} plan on ${topic} in ${pick(r, PLACES)} (${n})`;
    const paragraphs: string[] = [`${pick(r, PLACES).toUpperCase()}: The ${org} (${acr}) ${pick(r, VERBS)} a plan on ${topic}, officials said.`];
    for (let p = 0; p < 7; p++) paragraphs.push(Array.from({ length: 3 }, (_, k) => sentence(r, p * 3 + k, n)).join(" "));
    const file = `${date}-synthetic-${n}.md`;
    const front = `---\ntitle: "${title}"\ndate: ${date}\nsource: ${pick(r, OUTLETS)}\nurl: https://bench.example/${n}\ntags: [${topic.replace(/[^a-z]+/g, "-")}]\n---\n\n`;
    writeFileSync(join(dir, file), `${front}${paragraphs.join("\n\n")}\n`);
    articles.push({ file, title, date });
  }
  return articles;
}

/**
 * Writes one article of `sentences` sentences (five to a paragraph) into
 * `dir`, as a careless scrape or a moderator's huge upload would make it;
 * returns its id. Digests and summaries of it must stay fast.
 */
export function writeLongArticle(dir: string, sentences: number, seed = 5): string {
  mkdirSync(dir, { recursive: true });
  const r = seeded(seed);
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences; i += 5) paragraphs.push(Array.from({ length: Math.min(5, sentences - i) }, (_, k) => sentence(r, i + k, 0)).join(" "));
  const id = "2025-07-01-a-very-long-article";
  const front = `---\ntitle: A very long article about ${pick(r, TOPICS)}\ndate: 2025-07-01\nsource: Dawn\nurl: https://bench.example/long\n---\n\n`;
  writeFileSync(join(dir, `${id}.md`), `${front}${paragraphs.join("\n\n")}\n`);
  return id;
}

/** Realistic questions for the synthetic corpus: who/what/how-much questions, acronyms, misspellings. */
export function syntheticQuestions(count: number, seed = 7): string[] {
  const r = seeded(seed);
  const forms = [
    () => `What did the ${pick(r, ORGS)[1]} say about ${pick(r, TOPICS)}?`,
    () => `Who is ${pick(r, PEOPLE)}?`,
    () => `How many megawatts were allocated in ${pick(r, PLACES)}?`,
    () => `When did the ${pick(r, ORGS)[0]} hold a hearing on ${pick(r, TOPICS)}?`,
    () => `How much investment could ${pick(r, TOPICS)} attract?`,
    () => `What is the ${pick(r, ORGS)[1]}?`,
    () => `what did ${pick(r, PEOPLE).toLowerCase().replace(/a/, "aa")} tell reporters`,
    () => `Which agency reviewed ${pick(r, TOPICS)} in ${pick(r, PLACES)}?`,
    () => `What is the price of Ethereum today?`,
  ];
  return Array.from({ length: count }, () => pick(r, forms)());
}

/** Queries meant to stall a naive index: one-letter words, noise, Unicode, repetition, operators. */
export function hostileQueries(count: number, seed = 99): string[] {
  const r = seeded(seed);
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const forms = [
    () => Array.from({ length: 40 }, () => letters[Math.floor(r() * 26)]).join(" "),
    () => Array.from({ length: 200 }, () => letters[Math.floor(r() * 26)]).join(""),
    () => "bitcoin ".repeat(200),
    () => "🚀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ".repeat(50) + "Ωμέγα ∑∫√",
    () => "AND OR NOT ( ) * ? : ^ ~ \" ' - + ".repeat(20),
    () => Array.from({ length: 60 }, () => pick(r, ["pak", "cry", "bit", "sta", "reg", "min", "ban"])).join(" "),
    () => "x".repeat(5000),
    () => Array.from({ length: 30 }, () => letters.slice(0, 1 + Math.floor(r() * 3))).join(" "),
  ];
  return Array.from({ length: count }, () => pick(r, forms)());
}

const SYLLABLES = ["zar", "qil", "mek", "tor", "vash", "dun", "rho", "kep", "lim", "sog"];

/** A made-up place name no other article has, from n's digits ("Zarqilmek"). */
function siteName(n: number): string {
  const word = String(n).padStart(3, "0").split("").map((d) => SYLLABLES[Number(d)]!).join("");
  return word[0]!.toUpperCase() + word.slice(1);
}

export interface NewArticle {
  /** The article as a moderator would paste it: headline, then paragraphs. */
  text: string;
  title: string;
  date: string;
  source: string;
  /** A question only this article answers, and what the answer must contain. */
  question: string;
  expect: string;
}

/**
 * The nth of a run of new articles (for the benchmark's "add one article"
 * row): like the corpus's, plus one fact about a site no other article names.
 */
export function newArticle(n: number, seed = 1234): NewArticle {
  const r = seeded(seed + n);
  const site = siteName(n);
  const staff = 100 + Math.floor(r() * 900);
  const topic = pick(r, TOPICS);
  const [org, acr] = pick(r, ORGS);
  const title = `${acr} opens a ${topic} site at ${site}`;
  const paragraphs = [
    `${pick(r, PLACES).toUpperCase()}: The ${org} (${acr}) opened a site for ${topic} at ${site}, officials said on Friday.`,
    `The site at ${site} employs ${staff} technicians, the operator said, and more are to be hired next year.`,
    ...Array.from({ length: 5 }, (_, p) => Array.from({ length: 3 }, (_, k) => sentence(r, p * 3 + k, 100_000 + n)).join(" ")),
  ];
  return { text: [title, ...paragraphs].join("\n\n"), title, date: `${2024 + (n % 3)}-${String(1 + (n % 12)).padStart(2, "0")}-${String(1 + (n % 28)).padStart(2, "0")}`, source: pick(r, OUTLETS), question: `How many technicians work at the ${site} site?`, expect: String(staff) };
}
