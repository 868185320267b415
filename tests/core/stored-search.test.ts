import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { loadSearch, storeSearch } from "../../src/core/stored-search.ts";

interface Doc {
  id: string;
  title: string;
  text: string;
}

const OPTIONS = { fields: ["title", "text"], storeFields: ["title"] };

const DOCS: Doc[] = [
  { id: "a", title: "Pakistan plans a bitcoin reserve", text: "The reserve will hold bitcoin seized by the state." },
  { id: "b", title: "Miners get 2,000 MW", text: "Bitcoin miners will use surplus power in Sindh." },
  { id: "c", title: "Regulator opens a sandbox", text: "Seven firms joined the sandbox of the regulator." },
];

function built(): MiniSearch<Doc> {
  const search = new MiniSearch<Doc>(OPTIONS);
  search.addAll(DOCS);
  return search;
}

const hits = (search: MiniSearch<Doc>, query: string) => search.search(query, { prefix: true, fuzzy: 0.2 }).map((h) => [h.id, h.score]);

describe("loadSearch", () => {
  it("answers every search as the index it was stored from, prefix and fuzzy matches included", () => {
    const loaded = loadSearch(storeSearch(built()), OPTIONS);
    for (const query of ["bitcoin", "reserv", "minrs", "sandbox regulator", "sindh power", "nothing"]) expect(hits(loaded, query), query).toEqual(hits(built(), query));
  });

  it("stays exact when documents are added and removed after loading, and stores again as it was", () => {
    const loaded = loadSearch(storeSearch(built()), OPTIONS);
    const fresh = built();
    const extra = { id: "d", title: "Bitcoin reserve bill tabled", text: "Lawmakers will debate the reserve in the sandbox session." };
    for (const search of [loaded, fresh]) {
      search.discard("b");
      search.add(extra);
    }
    for (const query of ["bitcoin", "reserve", "miners", "sandbox"]) expect(hits(loaded, query), query).toEqual(hits(fresh, query));
    expect(storeSearch(loaded).terms.sort()).toEqual(storeSearch(fresh).terms.sort());
  });
});
