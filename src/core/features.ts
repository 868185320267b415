/**
 * What a sentence offers to the kinds of question (who, when, how many,
 * where…), read once per sentence with regular expressions and kept as seven
 * bits; every sentence with the same bits shares one frozen Features object.
 */

export interface Features {
  date: boolean;
  number: boolean;
  person: boolean;
  role: boolean;
  place: boolean;
  definition: boolean;
  quote: boolean;
}

const NAMES = ["date", "number", "person", "role", "place", "definition", "quote"] as const satisfies readonly (keyof Features)[];

const ROLE = /\b(minister|secretary|director|president|mayor|ceo|chair(?:man|woman|person)?|advis[eo]r|assistant|governor|chief|head|founder|leader|official|spokes(?:man|woman|person))\b/i;
const DATE = /\b(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|week|month|year|(?:19|20)\d{2})\b/i;
const NUMBER = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens|hundred|hundreds|thousand|thousands|million|billion|trillion)\b/i;
const NAME = /\p{Lu}[\p{Ll}’']+(?:\s+(?:(?:bin|ibn|al|de|van|von)\s+)?(?:[‘'][\p{L}]+[’']\s+)?\p{Lu}[\p{Ll}’']+)+/gu;
/** Words that make a capitalised name an organisation or a place rather than a person. */
const NOT_A_PERSON = /\b(?:committee|council|ministry|office|house|bank|authority|agency|unit|division|association|assembly|conference|exchange|senate|standing|state|states|city|republic|group|company|academy|university|center|centre|department|commission|reserve|fund|forum|summit|mansion|south|north|east|west|global)\b/i;
const PLACE = /\b(?:in|at)\s+(?:the\s+)?\p{Lu}/u;
const QUOTE = /[“"][^”"]{8,}|\b(?:said|says|saying|remarked|stated|noted|added|told|writing|wrote|tweeted|posted)\b/iu;
const DEFINING = /\(\p{Lu}{2,}\)|\b(?:dubbed|called|known as|refers? to|stands? for|is an?|are an?)\b/iu;

const TESTS: Record<keyof Features, (text: string) => boolean> = {
  date: (text) => DATE.test(text),
  number: (text) => NUMBER.test(text),
  person: (text) => [...text.matchAll(NAME)].some(([name]) => !NOT_A_PERSON.test(name)),
  role: (text) => ROLE.test(text),
  place: (text) => PLACE.test(text),
  definition: (text) => DEFINING.test(text),
  quote: (text) => QUOTE.test(text),
};

/** A sentence's features as bits (bit i is NAMES[i]). */
export function featureBits(text: string): number {
  let bits = 0;
  NAMES.forEach((name, i) => {
    if (TESTS[name](text)) bits |= 1 << i;
  });
  return bits;
}

const SHARED: Features[] = Array.from({ length: 1 << NAMES.length }, (_, bits) =>
  Object.freeze(Object.fromEntries(NAMES.map((name, i) => [name, (bits & (1 << i)) !== 0])) as unknown as Features),
);

/** The shared Features object for a set of bits. */
export function featuresFromBits(bits: number): Features | undefined {
  return SHARED[bits];
}

export const NO_FEATURES: Features = SHARED[0]!;
