import { useId } from "react";
import type { ApiFlag, Category } from "../../api";
import { categoryLabel, sortFlagsBySeverity } from "./severity";

/** Groups flags by category, most severe category first. */
function groupByCategory(flags: readonly ApiFlag[]): [Category, ApiFlag[]][] {
  const byCategory = new Map<Category, ApiFlag[]>();
  for (const flag of sortFlagsBySeverity(flags)) {
    byCategory.set(flag.category, [...(byCategory.get(flag.category) ?? []), flag]);
  }
  return [...byCategory];
}

interface FlagChipsProps {
  flags: ApiFlag[];
  /**
   * When given (admins), a chip whose flags name evidence words is a button that offers to add
   * an exception for them; otherwise the chip is only a focusable label with its explanation.
   */
  onAddException?: (flags: ApiFlag[]) => void;
}

/**
 * One chip per category, most severe first. Each chip's explanation (every rule and why it fired)
 * is a real tooltip: linked by aria-describedby, shown on hover and on keyboard focus.
 */
export function FlagChips({ flags, onAddException }: FlagChipsProps) {
  const baseId = useId();
  if (flags.length === 0) return null;
  return (
    <ul className="flag-chips" aria-label="Flags">
      {groupByCategory(flags).map(([category, group]) => {
        const tooltipId = `${baseId}-${category}`;
        const excepted = group.filter((flag) => flag.start !== null && flag.evidence.trim() !== "");
        const label = (
          <>
            {categoryLabel(category)}
            {group.length > 1 && <span className="chip-count"> ×{group.length}</span>}
          </>
        );
        return (
          <li key={category} className="chip-item">
            {onAddException && excepted.length > 0 ? (
              <button type="button" className={`chip chip--${category} chip--button`} aria-describedby={tooltipId} aria-haspopup="dialog" onClick={() => onAddException(excepted)}>
                {label}
              </button>
            ) : (
              // Focusable so keyboard users reach the explanation too.
              <span className={`chip chip--${category}`} tabIndex={0} aria-describedby={tooltipId}>
                {label}
              </span>
            )}
            <span role="tooltip" id={tooltipId} className="chip-tooltip">
              {group.map((flag, i) => (
                <span key={i} className="chip-tooltip-line">
                  <strong>{flag.rule}</strong>: {flag.explanation}
                </span>
              ))}
              {onAddException && excepted.length > 0 && <span className="chip-tooltip-hint">Click to add an exception…</span>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
