/**
 * The MiniSearch index as the persisted index stores it. MiniSearch's own
 * form (`toJSON`, read back by `loadJS`) keeps every posting as a property of
 * a plain object — 1.3 million of them at 10,000 articles — which took ~0.5 s
 * of every start to deserialize and turn into maps. Here the postings are
 * typed arrays (term, field, document, frequency) and everything else is
 * MiniSearch's own form, loaded by `loadJS` with the same options; each
 * term's postings map is then made from the arrays when it is first used
 * (StoredPostings), not all of them at start.
 *
 * This reads one internal of MiniSearch 7 (`_index`, the SearchableMap of
 * term → field id → document short id → term frequency), so the version is
 * pinned (~7.2); tests/core/index-cache.test.ts checks a loaded index answers
 * every search as a fresh build does.
 */
import MiniSearch, { type AsPlainObject, type Options } from "minisearch";

export interface StoredSearch {
  /** MiniSearch's own form without its term index. */
  rest: Omit<AsPlainObject, "index">;
  terms: string[];
  /** Per term, how many (field, document) postings follow. */
  counts: Uint32Array;
  fields: Uint8Array;
  documents: Uint32Array;
  frequencies: Uint32Array;
}

/** The term index's shape inside MiniSearch 7. */
interface WithIndex {
  _index: { set(term: string, data: Map<number, Map<number, number>>): unknown };
}

/** A MiniSearch index in the stored form. */
export function storeSearch<T>(search: MiniSearch<T>): StoredSearch {
  const { index, ...rest } = search.toJSON();
  const counts = new Uint32Array(index.length);
  const fields: number[] = [];
  const documents: number[] = [];
  const frequencies: number[] = [];
  index.forEach(([, data], i) => {
    for (const [field, entry] of Object.entries(data)) {
      // Serialization version 2 keeps { documentId: frequency } per field (version 1 wrapped it in `ds`).
      for (const [document, frequency] of Object.entries(entry as Record<string, number>)) {
        fields.push(Number(field));
        documents.push(Number(document));
        frequencies.push(frequency);
        counts[i]!++;
      }
    }
  });
  return { rest, terms: index.map(([term]) => term), counts, fields: Uint8Array.from(fields), documents: Uint32Array.from(documents), frequencies: Uint32Array.from(frequencies) };
}

/** The MiniSearch index back from its stored form, with the options it was built with. */
export function loadSearch<T>(stored: StoredSearch, options: Options<T>): MiniSearch<T> {
  const search = MiniSearch.loadJS<T>({ ...stored.rest, index: [] } as AsPlainObject, options);
  const index = (search as unknown as WithIndex)._index;
  let at = 0;
  stored.terms.forEach((term, i) => {
    index.set(term, new StoredPostings(stored, at, stored.counts[i]!));
    at += stored.counts[i]!;
  });
  return search;
}

/**
 * One term's postings (field id → document short id → term frequency), the
 * map MiniSearch keeps per term, filled from the stored arrays the first time
 * it is read or changed. A question reads the postings of a few dozen terms
 * of tens of thousands: making every map at start took a quarter of a 10,000-
 * article cold start, and as much again in garbage collection.
 */
class StoredPostings extends Map<number, Map<number, number>> {
  #stored: StoredSearch | undefined;
  readonly #from: number;
  readonly #count: number;

  constructor(stored: StoredSearch, from: number, count: number) {
    super();
    this.#stored = stored;
    this.#from = from;
    this.#count = count;
  }

  #fill(): void {
    const stored = this.#stored;
    if (stored === undefined) return;
    this.#stored = undefined;
    for (let at = this.#from, end = this.#from + this.#count; at < end; at++) {
      const field = stored.fields[at]!;
      let documents = Map.prototype.get.call(this, field) as Map<number, number> | undefined;
      if (documents === undefined) Map.prototype.set.call(this, field, (documents = new Map()));
      documents.set(stored.documents[at]!, stored.frequencies[at]!);
    }
  }

  override get(field: number): Map<number, number> | undefined {
    this.#fill();
    return super.get(field);
  }
  override has(field: number): boolean {
    this.#fill();
    return super.has(field);
  }
  override set(field: number, documents: Map<number, number>): this {
    this.#fill();
    return super.set(field, documents);
  }
  override delete(field: number): boolean {
    this.#fill();
    return super.delete(field);
  }
  override clear(): void {
    this.#stored = undefined;
    super.clear();
  }
  override get size(): number {
    this.#fill();
    return super.size;
  }
  override forEach(each: (documents: Map<number, number>, field: number, map: Map<number, Map<number, number>>) => void, self?: unknown): void {
    this.#fill();
    super.forEach(each, self);
  }
  override entries(): MapIterator<[number, Map<number, number>]> {
    this.#fill();
    return super.entries();
  }
  override keys(): MapIterator<number> {
    this.#fill();
    return super.keys();
  }
  override values(): MapIterator<Map<number, number>> {
    this.#fill();
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[number, Map<number, number>]> {
    this.#fill();
    return super[Symbol.iterator]();
  }
}
