import type { Db } from "../db/connection";
import { checkCommentSearch, rebuildCommentSearch } from "../db/search-repo";

/**
 * Rebuilds the comment search index in one transaction. Triggers keep it in step with every
 * single insert, edit and delete; call this after a bulk load that bypassed them (a restored
 * backup, a VACUUM that renumbered rowids) or a very large import, to start from a compact index.
 */
export function rebuildSearchIndex(db: Db): void {
  db.transaction(() => rebuildCommentSearch(db)).immediate();
}

/** True when the search index matches the comments table. */
export function isSearchIndexConsistent(db: Db): boolean {
  try {
    checkCommentSearch(db);
    return true;
  } catch {
    return false;
  }
}
