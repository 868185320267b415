/**
 * Paged replies kept for their buttons (Telegram's « Earlier / Later »,
 * Discord's ◀ ▶): by default in this process's memory; the shared store's
 * PageStore keeps them across restarts and processes.
 */

/** A paged reply: its pages, and who asked for it (on Discord, only they turn the shared message). */
export interface Paged {
  pages: string[];
  owner?: string;
}

/** Keeps a paged reply under an id its buttons carry (letters, digits, _ and -). */
export interface PageKeeper {
  save(pages: readonly string[], owner?: string): Promise<string>;
  load(id: string): Promise<Paged | undefined>;
}

/** How many paged replies the in-memory keeper holds. */
const KEPT_IN_MEMORY = 500;

/** Pages in this process's memory: lost on restart, unknown to other processes. */
export class MemoryPages implements PageKeeper {
  private readonly kept = new Map<string, Paged>();
  private next = 1;

  async save(pages: readonly string[], owner?: string): Promise<string> {
    const id = String(this.next++);
    this.kept.set(id, { pages: [...pages], owner });
    if (this.kept.size > KEPT_IN_MEMORY) this.kept.delete(this.kept.keys().next().value!);
    return id;
  }

  async load(id: string): Promise<Paged | undefined> {
    return this.kept.get(id);
  }
}
