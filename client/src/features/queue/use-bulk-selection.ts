import { useState } from "react";

/** Ticked comment ids for a bulk action, with shift-click ranges over the loaded list. */
export interface BulkSelection {
  ids: ReadonlySet<string>;
  /** Ticks or unticks one comment; with `withRange`, everything between it and the last one ticked. */
  toggle: (id: string, withRange: boolean) => void;
  /** Replaces the selection (e.g. "select all matching"). */
  setAll: (ids: readonly string[]) => void;
  clear: () => void;
}

/** Selection over `orderedIds` (the list as shown), so a range follows what the moderator sees. */
export function useBulkSelection(orderedIds: readonly string[]): BulkSelection {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const [anchor, setAnchor] = useState<string | null>(null);

  const toggle = (id: string, withRange: boolean) => {
    const from = anchor === null ? -1 : orderedIds.indexOf(anchor);
    const to = orderedIds.indexOf(id);
    setIds((current) => {
      const next = new Set(current);
      if (withRange && from !== -1 && to !== -1) {
        // A range takes the state the anchor has, as in file managers and mail clients.
        const tick = current.has(anchor!);
        for (const rangeId of orderedIds.slice(Math.min(from, to), Math.max(from, to) + 1)) {
          if (tick) next.add(rangeId);
          else next.delete(rangeId);
        }
      } else if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
    setAnchor(id);
  };

  return {
    ids,
    toggle,
    setAll: (all) => setIds(new Set(all)),
    clear: () => {
      setIds(new Set());
      setAnchor(null);
    },
  };
}
