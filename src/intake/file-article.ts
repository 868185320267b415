/**
 * Filing a prepared article, however it came (an /ingest, a feed item): its
 * corpus file is written, this process's index reloaded at once, and the other
 * processes told through the store's registry.
 */
import type { Deps } from "../../commands/command.ts";
import type { PreparedArticle } from "../core/ingest.ts";
import { writeArticle } from "../core/ingest.ts";

/** Where articles are added: the corpus folder, its reload, the registry (see Deps). */
export type ArticleShelf = NonNullable<Deps["articles"]>;

/**
 * Files the article; `shared` is false when the other processes could not be
 * told (the store unreachable). A failed reload is a bug, thrown.
 */
export async function fileArticle(shelf: ArticleShelf, prepared: PreparedArticle, addedBy: string): Promise<{ path: string; shared: boolean }> {
  const path = writeArticle(shelf.dir, prepared);
  const reloaded = shelf.reload([path]);
  if (!reloaded.ok) throw new Error(`the corpus did not reload after adding ${prepared.fileName}: ${reloaded.error?.message}`);
  const shared = (await shelf.publish?.(path, addedBy, prepared.frontMatter.url)) ?? true;
  return { path, shared };
}
