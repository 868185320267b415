/**
 * The passage index: every sentence of every article, with what is needed to
 * cite it; MiniSearch indexes whole articles (the first stage of a search,
 * small enough to load fast at tens of thousands of articles), and sentences
 * are ranked within the best articles. The vocabulary (term → how many
 * passages hold it) expands and weighs query terms.
 */
import MiniSearch, { type Options } from "minisearch";
import SearchableMap from "minisearch/SearchableMap";
import type { Article } from "./article.ts";
import type { AliasGroup } from "./glossary.ts";
import { allowsPrefix, maxEditDistance, sentenceSpans, terms } from "./text.ts";

/** What a sentence offers to the kinds of question (who, when, how many, where). */
export interface Features {
  date: boolean;
  number: boolean;
  person: boolean;
  role: boolean;
  place: boolean;
  definition: boolean;
  quote: boolean;
}

/** One sentence of one article: the unit that is searched, ranked and quoted. */
export interface Passage {
  id: number;
  article: number;
  paragraph: number;
  /** Position of the sentence within its paragraph. */
  sentence: number;
  text: string;
  terms: ReadonlySet<string>;
  features: Features;
}

export interface CorpusIndex {
  articles: Article[];
  passages: Passage[];
  /** Passage ids per article, per paragraph, in reading order. */
  layout: number[][][];
  /** The terms of each article's title. */
  titleTerms: ReadonlySet<string>[];
  /** Every term of each article, title included. */
  articleTerms: ReadonlySet<string>[];
  /** Article-level full-text index: the first stage of every search. */
  search: MiniSearch<IndexedArticle>;
  /** Term → number of passages that contain it. */
  vocabulary: SearchableMap<number>;
  /** Alias groups, each phrase reduced to its terms. */
  aliases: string[][][];
  aliasPhrases: AliasGroup[];
}

/** What MiniSearch indexes: an article's terms (title and every sentence), already stemmed, joined by spaces. */
interface IndexedArticle {
  id: number;
  terms: string;
}

/**
 * The one set of MiniSearch options, used both to build an index and to load a
 * serialized one (MiniSearch's loadJSON insists they match).
 */
export const INDEX_OPTIONS: Options<IndexedArticle> = {
  fields: ["terms"],
  storeFields: [],
  tokenize: (joined) => joined.split(" "),
  processTerm: (term) => term || null,
  searchOptions: {
    combineWith: "OR",
    tokenize: (query) => query.split(" ").filter(Boolean),
    processTerm: (term) => term,
    fuzzy: (term) => maxEditDistance(term),
    prefix: (term) => allowsPrefix(term),
    weights: { fuzzy: 0.3, prefix: 0.5 },
    maxFuzzy: 2,
  },
};

const ROLE = /\b(minister|secretary|director|president|mayor|ceo|chair(?:man|woman|person)?|advis[eo]r|assistant|governor|chief|head|founder|leader|official|spokes(?:man|woman|person))\b/i;
const DATE = /\b(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|week|month|year|(?:19|20)\d{2})\b/i;
const NUMBER = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens|hundred|hundreds|thousand|thousands|million|billion|trillion)\b/i;
const NAME = /\p{Lu}[\p{Ll}’']+(?:\s+(?:(?:bin|ibn|al|de|van|von)\s+)?(?:[‘'][\p{L}]+[’']\s+)?\p{Lu}[\p{Ll}’']+)+/gu;
/** Words that make a capitalised name an organisation or a place rather than a person. */
const NOT_A_PERSON = /\b(?:committee|council|ministry|office|house|bank|authority|agency|unit|division|association|assembly|conference|exchange|senate|standing|state|states|city|republic|group|company|academy|university|center|centre|department|commission|reserve|fund|forum|summit|mansion|south|north|east|west|global)\b/i;
const PLACE = /\b(?:in|at)\s+(?:the\s+)?\p{Lu}/u;
const QUOTE = /[“"][^”"]{8,}|\b(?:said|says|saying|remarked|stated|noted|added|told|writing|wrote|tweeted|posted)\b/iu;
const DEFINING = /\(\p{Lu}{2,}\)|\b(?:dubbed|called|known as|refers? to|stands? for|is an?|are an?)\b/iu;

function featuresOf(text: string): Features {
  return {
    date: DATE.test(text),
    number: NUMBER.test(text),
    person: [...text.matchAll(NAME)].some(([name]) => !NOT_A_PERSON.test(name)),
    role: ROLE.test(text),
    place: PLACE.test(text),
    definition: DEFINING.test(text),
    quote: QUOTE.test(text),
  };
}

function splitPassages(articles: readonly Article[]): { passages: Passage[]; layout: number[][][]; indexed: IndexedArticle[] } {
  const passages: Passage[] = [];
  const indexed: IndexedArticle[] = articles.map((article, id) => ({ id, terms: terms(article.title).join(" ") }));
  const layout = articles.map((article, a) =>
    article.paragraphs.map((paragraph, p) =>
      sentenceSpans(paragraph).map((span, s) => {
        const text = paragraph.slice(span.start, span.end);
        const id = passages.length;
        const sentenceTerms = terms(text);
        passages.push({ id, article: a, paragraph: p, sentence: s, text, terms: new Set(sentenceTerms), features: featuresOf(text) });
        indexed[a]!.terms += ` ${sentenceTerms.join(" ")}`;
        return id;
      }),
    ),
  );
  return { passages, layout, indexed };
}

/** Builds the index over the given articles and alias groups. */
export function buildIndex(articles: Article[], aliasPhrases: AliasGroup[]): CorpusIndex {
  const { passages, layout, indexed } = splitPassages(articles);
  const search = new MiniSearch<IndexedArticle>(INDEX_OPTIONS);
  search.addAll(indexed);
  const titleTerms = articles.map((article) => new Set(terms(article.title)));
  const articleTerms = articles.map((_, a) => {
    const all = new Set(titleTerms[a]);
    for (const paragraph of layout[a]!) for (const id of paragraph) for (const t of passages[id]!.terms) all.add(t);
    return all;
  });
  return {
    articles,
    passages,
    layout,
    titleTerms,
    articleTerms,
    search,
    vocabulary: SearchableMap.from(countTerms(passages)) as SearchableMap<number>,
    aliases: aliasPhrases.map((group) => group.map((phrase) => terms(phrase)).filter((t) => t.length > 0)),
    aliasPhrases,
  };
}

function countTerms(passages: readonly Passage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const passage of passages) for (const term of passage.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/** The passage before or after another in the same paragraph, if any. */
export function neighbour(index: CorpusIndex, passage: Passage, offset: -1 | 1): Passage | undefined {
  const ids = index.layout[passage.article]![passage.paragraph]!;
  const id = ids[passage.sentence + offset];
  return id === undefined ? undefined : index.passages[id];
}

/** The sentence before or after another in the same article, across paragraph breaks. */
export function adjacent(index: CorpusIndex, passage: Passage, offset: -1 | 1): Passage | undefined {
  const next = index.passages[passage.id + offset];
  return next && next.article === passage.article ? next : undefined;
}
