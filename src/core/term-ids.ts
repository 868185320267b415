/**
 * Term sets as sorted arrays of term ids: a sentence's or an article's
 * distinct terms, held in one shared buffer instead of a Set of strings each,
 * so a large corpus stays small in memory and loads without rebuilding sets.
 */

/** Distinct term ids, ascending. */
export type TermIds = Uint32Array;

/** True when a sorted id array holds `id` (binary search). */
export function hasTerm(ids: TermIds, id: number): boolean {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = ids[mid]!;
    if (value === id) return true;
    if (value < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** How many ids two sorted arrays share. */
export function sharedCount(a: TermIds, b: TermIds): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** Jaccard similarity of two term sets; 1 means the same words. */
export function overlap(a: TermIds, b: TermIds): number {
  if (a.length === 0 || b.length === 0) return 0;
  const shared = sharedCount(a, b);
  return shared / (a.length + b.length - shared);
}

/**
 * The best credit a set of terms earns from an expansion (term id → credit):
 * looks each expansion term up when the expansion is much smaller than the
 * set (an article's terms), and scans the set otherwise (a sentence's).
 */
export function bestCredit(expansion: ReadonlyMap<number, number>, ids: TermIds): number {
  let best = 0;
  if (expansion.size * 8 < ids.length) {
    for (const [id, credit] of expansion) if (credit > best && hasTerm(ids, id)) best = credit;
    return best;
  }
  for (let i = 0; i < ids.length; i++) {
    const credit = expansion.get(ids[i]!);
    if (credit !== undefined && credit > best) best = credit;
  }
  return best;
}

/**
 * Collects id lists into one buffer with offsets: `add` a sorted list, then
 * `finish` for the columns to store or to view per item with `slice`.
 */
export class TermColumns {
  private ids: number[] = [];
  private offsets: number[] = [0];

  /** Appends one item's ids (deduplicated and sorted here). */
  add(ids: Iterable<number>): void {
    const sorted = [...new Set(ids)].sort((a, b) => a - b);
    for (const id of sorted) this.ids.push(id);
    this.offsets.push(this.ids.length);
  }

  finish(): StoredTermColumns {
    return { ids: Uint32Array.from(this.ids), offsets: Uint32Array.from(this.offsets) };
  }
}

/** Every item's term ids in one buffer; item i is ids[offsets[i] .. offsets[i+1]). */
export interface StoredTermColumns {
  ids: Uint32Array;
  offsets: Uint32Array;
}

/** Views over each item's ids (no copying). */
export function viewTermColumns(columns: StoredTermColumns): TermIds[] {
  const views: TermIds[] = [];
  for (let i = 0; i + 1 < columns.offsets.length; i++) views.push(columns.ids.subarray(columns.offsets[i]!, columns.offsets[i + 1]!));
  return views;
}
