import type { ApiFlag, Category } from "../../api";
import { categoryLabel, sortFlagsBySeverity } from "./severity";

/** One chip per category, most severe first; the tooltip lists each rule and why it fired. */
export function FlagChips({ flags }: { flags: ApiFlag[] }) {
  if (flags.length === 0) return null;
  const byCategory = new Map<Category, ApiFlag[]>();
  for (const flag of sortFlagsBySeverity(flags)) {
    byCategory.set(flag.category, [...(byCategory.get(flag.category) ?? []), flag]);
  }
  return (
    <ul className="flag-chips" aria-label="Flags">
      {[...byCategory].map(([category, group]) => {
        const details = group.map((flag) => `${flag.rule}: ${flag.explanation}`).join("\n");
        return (
          <li key={category} className={`chip chip--${category}`} title={details}>
            {categoryLabel(category)}
            {group.length > 1 && <span className="chip-count"> ×{group.length}</span>}
          </li>
        );
      })}
    </ul>
  );
}
