/**
 * The MiniSearch index as the persisted index stores it. MiniSearch's own
 * form (`toJSON`, read back by `loadJS`) keeps every posting as a property of
 * a plain object — 1.3 million of them at 10,000 articles — which took ~0.5 s
 * of every start to deserialize and turn into maps. Here the postings are
 * typed arrays (term, field, document, frequency) and everything else is
 * MiniSearch's own form, loaded by `loadJS` with the same options; the
 * postings then fill the index's term map as `loadJS` itself does.
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
    const data = new Map<number, Map<number, number>>();
    for (const end = at + stored.counts[i]!; at < end; at++) {
      const field = stored.fields[at]!;
      const documents = data.get(field) ?? new Map<number, number>();
      if (!data.has(field)) data.set(field, documents);
      documents.set(stored.documents[at]!, stored.frequencies[at]!);
    }
    index.set(term, data);
  });
  return search;
}
