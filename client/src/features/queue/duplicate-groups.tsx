import { useQuery } from "@tanstack/react-query";
import { duplicateGroupsQueryOptions, type QueueFilters } from "./queries";
import type { BulkSelection } from "./use-bulk-selection";

/**
 * Near-duplicate comments in this view (a spam wave, a brigade), collapsed by default: picking a
 * group selects all its comments, so one bulk Approve or Remove decides the whole group.
 */
export function DuplicateGroups({ filters, selection }: { filters: QueueFilters; selection: BulkSelection }) {
  const groups = useQuery(duplicateGroupsQueryOptions(filters)).data ?? [];
  if (groups.length === 0) return null;
  const comments = groups.reduce((n, g) => n + g.ids.length, 0);
  return (
    <details className="dup-groups">
      <summary>
        {groups.length} {groups.length === 1 ? "group" : "groups"} of near-duplicate comments ({comments} comments)
      </summary>
      <ul aria-label="Near-duplicate groups">
        {groups.map((g) => (
          <li key={g.key}>
            <span className="dup-count">
              {g.ids.length} comments · {g.authors} {g.authors === 1 ? "author" : "authors"}
            </span>
            <q className="dup-sample">{g.sample}</q>
            <button type="button" className="button button--quiet" aria-label={`Select the ${g.ids.length} comments like “${g.sample.slice(0, 60)}”`} onClick={() => selection.setAll(g.ids)}>
              Select group
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
