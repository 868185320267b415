/**
 * Which sentences lean on the one before for their subject — "He added that
 * …", "The two-day gathering, held at …", "A token of this kind …", "“…,” he
 * said", "• Hina Javed, a lawyer …" — and which carry on from it. A leaning
 * sentence takes the question's words from the sentence it leans on and the
 * headline (score.ts), and is quoted with it (compose.ts).
 */
import { type CorpusIndex, type Passage, adjacent, neighbour } from "../passage-index.ts";
import type { TermIds } from "../term-ids.ts";

/** Sentences that lean on the one before ("According to him, it …", "Its founder …"). */
const CONTINUES = /^(?:it|its|this|that|these|those|he|she|they|his|her|their|such|the (?:company|firm|group|body|agency|authority|move|initiative)|according to (?:him|her|them))\b/i;

/**
 * A sentence that opens with a definite description and names nothing in it
 * ("The two-day gathering, held at …", "The chairperson should be …", "The
 * central bank urged caution"): news refers back to what it named in the
 * sentence before this way ("The $320 million project will be built in two
 * phases"). "The board of the Pakistan Virtual Assets
 * Regulatory Authority …" and "The Rules of Business …" name their referent.
 */
const NP_WORD = String.raw`(?!(?:of|for|in|at|on|and|to|with|by|from)\b)(?:[$€£¥₹₨]|Rs\.?)?[\p{Ll}\d][\p{L}\d-]*(?:[.,]\d+)*`;
const DEFINITE = new RegExp(String.raw`^[Tt]he (?:${NP_WORD} ){0,2}${NP_WORD}(?![\p{L}\d-])(?! (?:of|for|at|in|on|by|from) (?:the )?\p{Lu})(?! \p{Lu})`, "u");


/**
 * A noun phrase that points back to the one before by its kind ("A token of
 * this kind would hold its value …", "Ordinances of this kind remain in force
 * …", "A council like this …") within a sentence's first few words.
 */
const OF_THIS_KIND = /^(?:\S+\s+){0,5}?\S+ (?:of (?:this|that|these|those|such an?|such) (?:kind|sort|type|nature)s?|like (?:this|that|these|those))\b/iu;

/** A quotation its speaker is a pronoun for: "“A currency born unregulated cannot be regulated,” he said". */
const SAID_BY_PRONOUN = /^[“"‘'][^”"’]{8,}[”"’],?\s+(?:he|she|they)\s+(?:said|says|added|argued|noted|told|warned|stressed|explained|asked|wrote)\b/iu;

/** Verbs that say who spoke. */
const ATTRIBUTION = /\b(?:said|says|saying|added|argued|noted|told|warned|stressed|explained|asked|wrote|according)\b/i;

/**
 * A quotation with no speaker of its own (“Whenever the government decides to
 * take it further, we would recommend …”): it carries on the words of the
 * speaker named before it.
 */
const unattributedQuote = (text: string): boolean => /^[“"]/.test(text) && !ATTRIBUTION.test(text);

/** An opening phrase set off by a comma ("By introducing structured oversight, …", "According to the statement, …"): the subject follows it. */
const OPENING_PHRASE = /^(?:by|in|on|at|for|with|after|before|during|under|according to|following|despite|since|as|while|when|once|meanwhile|however|instead|still|separately|earlier|later|speaking|addressing|asked)\b[^,;:.]{0,60},\s+/iu;

/** A list item ("• Hina Javed, a lawyer who …", "2. Licensing"): it leans on the sentence that introduces the list. */
const LIST_ITEM = /^\s*(?:[•·▪‣◦*–-]|\d{1,2}[.)])\s+/u;

/** An opening phrase that refers back itself: "Under the proposal, …", "According to the statement, …", "Under the memorandum, …". */
const OPENS_WITH_REFERENCE = /^(?:[Uu]nder|[Aa]ccording to|[Ii]n|[Bb]y|[Ww]ith|[Aa]fter|[Ff]ollowing|[Dd]espite)\s+(?:the|this|that|these|those|such)\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+,\s/u;

/**
 * A sentence that leans on the one before for its subject: a pronoun
 * (CONTINUES), a definite description (DEFINITE), a kind (OF_THIS_KIND), a
 * quotation's speaker (SAID_BY_PRONOUN) or a quotation without one, at its
 * start or after an opening phrase ("By introducing structured oversight, the
 * authority is expected to …"); or an opening phrase that refers back itself
 * ("Under the proposal, a custodian must …"); or a list item, which leans on
 * the sentence that introduces its list.
 */
export function leansBack(text: string): boolean {
  if (OPENS_WITH_REFERENCE.test(text) || isListItem(text)) return true;
  const subject = text.replace(OPENING_PHRASE, "");
  return CONTINUES.test(text) || DEFINITE.test(text) || OF_THIS_KIND.test(text) || SAID_BY_PRONOUN.test(text) || unattributedQuote(text) || (subject !== text && (CONTINUES.test(subject) || DEFINITE.test(subject))) || leansAfterLongOpening(text);
}

/** A preposition that opens a sentence with a phrase before its subject: "Subject to …, the initiative could …". */
const OPENING_PREPOSITION = /^(?:subject to|pending|in line with|along with|apart from|aside from|because of|due to|thanks to|unlike|like|beyond|besides|amid|among|through|within|without|across|over|from|by|in|on|at|for|with|after|before|during|under|following|despite|since)\b/iu;

/** How far into a sentence its opening phrase may run (a list of a few things: "Subject to the country's laws, policies and regulatory approvals, …"). */
const OPENING_REACH = 120;

/**
 * Whether a sentence leans back after an opening phrase that holds commas of
 * its own ("Subject to the country's laws, policies and regulatory
 * approvals, the initiative could cover assets worth up to $2 billion"):
 * the subject after some comma in its first OPENING_REACH characters is a
 * pronoun or a definite description.
 */
function leansAfterLongOpening(text: string): boolean {
  if (!OPENING_PREPOSITION.test(text)) return false;
  for (let at = text.indexOf(", "); at > 0 && at < OPENING_REACH; at = text.indexOf(", ", at + 2)) {
    const subject = text.slice(at + 2);
    if (CONTINUES.test(subject) || DEFINITE.test(subject)) return true;
  }
  return false;
}

/**
 * A sentence with a word among its first eight that points back to the thing
 * the sentence before spoke of: "Citizens will be able to use it …", "Value
 * received there …" — not a speaker's "he said", which only carries on who
 * speaks, nor "its", which mostly points to its own sentence's subject ("A
 * rupee stablecoin needs its own law").
 */
export const pointsBack = (text: string): boolean => POINTS_BACK.test(text);
const POINTS_BACK = /^(?:\S+\s+){0,7}?(?:it|they|them|this|these|those|there)\b/i;

/** A sentence whose subject or speaker is a pronoun: "He added that …", "“…,” she said". */
export const leansOnPronoun = (text: string): boolean => /^(?:he|she|they|his|her|their)\b/i.test(text) || SAID_BY_PRONOUN.test(text);

/**
 * A sentence that carries on from the one before it: a pronoun or "this …"
 * (CONTINUES), or a connective ("He added that …", "With that in mind, …",
 * "However, …"). When the chosen sentence is followed by one, the answer
 * often lies there, and it is quoted too.
 */
const CARRIES_ON = new RegExp(`${CONTINUES.source}|^(?:with that in mind|to that end|as a result|in addition|however|but|instead|therefore|meanwhile|still|yet)\\b`, "i");

/**
 * Whether a sentence carries on from the one before: CARRIES_ON, or the words
 * of the speaker that one named ("“People will simply move to peer-to-peer
 * deals …,” he said" after "Omer Farooq … said a 15 percent rate would drive
 * users away").
 */
export const carriesOn = (text: string): boolean => CARRIES_ON.test(text) || SAID_BY_PRONOUN.test(text) || unattributedQuote(text);

/** A question put to someone, in reported speech: "asked whether", "wanted to know how", "pressed officials to explain how". */
const REPORTED_QUESTION = /\b(?:asked|asks|asking|wondered|wanted to know|questioned|enquired|inquired|(?:pressed|urged|challenged) (?:\p{L}+ ){1,3}to (?:explain|say|clarify|disclose))\s+(?:\p{L}+\s+){0,3}?(?:whether|if|how|why|what|when|who|which|where)\b/iu;

/**
 * Text that ends by asking a question ("Q: When will stablecoins be allowed?"). Only its last characters are read:
 * a paragraph may be an article's whole text.
 */
const asksDirectly = (text: string): boolean => /\?["”’]?$/u.test(text.trimEnd().slice(-2));

/**
 * A sentence that asks a question or reports one put to someone ("Senator
 * Mohsin Aziz asked whether the reserve could be sold to pay debt.",
 * "Senators pressed officials to explain how the reserve is stored"): it
 * shares the user's words and holds no answer; the reply follows it. "Asked
 * whether …, Saqib said …" opens with the question and answers it in the
 * same sentence.
 */
export const reportsQuestion = (text: string): boolean => asksDirectly(text) || (!/^asked\b/i.test(text) && REPORTED_QUESTION.test(withoutQuotations(text)));

/** A sentence without the words it quotes: "“Our users were asking where to find prices,” said Qazi" reports a statement, not a question put to anyone. */
const withoutQuotations = (text: string): string => text.replace(/["“][^"“”]*["”]/gu, " ");

/**
 * The sentences of the question a sentence replies to: the sentence before it
 * in its paragraph when that one reports a question ("Senator Aziz asked
 * whether the reserve could be sold. Bosal said the law did not allow it"),
 * or the whole paragraph before when it ends by asking one, as an
 * interview's "Q: Some people say crypto is gambling. Do you agree?" does
 * before "A: … the technology is not a casino." None otherwise.
 */
export function questionBefore(index: CorpusIndex, passage: Passage): Passage[] {
  const before = adjacent(index, passage, -1);
  if (!before) return [];
  if (before.paragraph === passage.paragraph) return reportsQuestion(before.text) ? [before] : [];
  return inQuestion(index, before) ? sentencesOf(index, before) : [];
}

/** The sentences of a passage's paragraph, in order. */
function sentencesOf(index: CorpusIndex, passage: Passage): Passage[] {
  let first = passage;
  for (let at = adjacent(index, passage, -1); at && at.paragraph === passage.paragraph; at = adjacent(index, at, -1)) first = at;
  const sentences: Passage[] = [];
  for (let at: Passage | undefined = first; at && at.paragraph === passage.paragraph; at = adjacent(index, at, 1)) sentences.push(at);
  return sentences;
}

/** How many sentences an interviewer's question runs to at most: "Q: Some people say crypto is gambling. Do you agree?" */
const QUESTION_SENTENCES = 2;

/**
 * A sentence of a paragraph that puts a question, as an interview does: a
 * paragraph of one or two sentences ending in "?" with no one said to ask it
 * ("Q: Some people say crypto is gambling. Do you agree?"). A paragraph of
 * reporting that ends on a senator's question ("…, he asked, who would be
 * held responsible?") is no interview question.
 */
export function inQuestion(index: CorpusIndex, passage: Passage): boolean {
  const paragraph = index.articles[passage.article]!.paragraphs[passage.paragraph]!;
  if (!asksDirectly(paragraph) || ATTRIBUTION.test(paragraph)) return false;
  return sentencesOf(index, passage).length <= QUESTION_SENTENCES;
}

/** The sentence after one, or, after a sentence of an interview's question, the first of the paragraph that answers it. */
export function nextAfter(index: CorpusIndex, passage: Passage): Passage | undefined {
  if (!inQuestion(index, passage)) return neighbour(index, passage, 1);
  let next = adjacent(index, passage, 1);
  while (next && next.paragraph === passage.paragraph) next = adjacent(index, next, 1);
  return next;
}

/**
 * Whether a sentence is an interviewee's: its paragraph replies to an
 * interviewer's question ("Q: Will you ban peer-to-peer trading?" — "A: No.
 * Millions of people use it …"). Whose words they are, the article's opening
 * says ("Rabia Anwar heads the enforcement wing …").
 */
export function inInterviewAnswer(index: CorpusIndex, passage: Passage): boolean {
  const first = index.passages.at(passage.id - passage.sentence);
  if (!first || first.article !== passage.article || first.paragraph !== passage.paragraph) return false;
  const before = adjacent(index, first, -1);
  return before !== undefined && before.paragraph !== first.paragraph && inQuestion(index, before);
}

/** A sentence that leans on the one before it: for its subject (leansBack), or as the reply to the question that one reports or asks. */
export const leansOn = (index: CorpusIndex, passage: Passage): boolean => leansBack(passage.text) || questionBefore(index, passage).length > 0;

/** A list item ("• Hina Javed, a lawyer who …", "2. Licensing"). */
export const isListItem = (text: string): boolean => LIST_ITEM.test(text);

/** The terms of the sentence that introduces the list a list item belongs to ("The new members are:"). */
export function listIntroduction(index: CorpusIndex, item: Passage): TermIds | undefined {
  let at = adjacent(index, item, -1);
  while (at && isListItem(at.text)) at = adjacent(index, at, -1);
  return at?.terms;
}

/**
 * The first sentence of the paragraph before, for a sentence that opens its
 * paragraph with a definite description ("The two-day gathering, held at the
 * Coca-Cola Arena …"): news names what a paragraph is about in its first
 * sentence ("… told the audience at Binance Blockchain Week …") and may say
 * more of it ("The task now, he said, …") before the next paragraph refers
 * back to it. Undefined for other sentences, and when the paragraph before is
 * one sentence (that one is the sentence before).
 */
export function topicSentenceBefore(index: CorpusIndex, passage: Passage): Passage | undefined {
  if (passage.sentence !== 0 || !DEFINITE.test(passage.text)) return undefined;
  const before = adjacent(index, passage, -1);
  return before && before.sentence > 0 ? index.passages.at(before.id - before.sentence) : undefined;
}
