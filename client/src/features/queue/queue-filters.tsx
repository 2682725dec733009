import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { Category } from "../../api";
import { facetsQueryOptions, threadsQueryOptions, type QueueFilters } from "./queries";
import { categoryLabel, SEVERITY_ORDER } from "./severity";
import { useShortcuts } from "./use-shortcuts";

/** How long typing may pause before the list follows the search box. */
const SEARCH_DEBOUNCE_MS = 250;

type Narrowing = Pick<QueueFilters, "thread" | "category" | "rule" | "author">;

interface QueueFiltersBarProps {
  filters: Narrowing;
  onChange: (patch: Partial<Narrowing>) => void;
  onSearch: (q: string) => void;
}

/**
 * Thread, category, rule and author filters and the search box. Enter searches at once, typing
 * searches after a short pause, and `/` jumps to the search box from anywhere.
 */
export function QueueFiltersBar({ filters, onChange, onSearch }: QueueFiltersBarProps) {
  const threads = useQuery(threadsQueryOptions()).data ?? [];
  const facets = useQuery(facetsQueryOptions(filters.thread)).data;
  const [draft, setDraft] = useState("");
  const searchBox = useRef<HTMLInputElement>(null);
  useShortcuts({ "/": () => searchBox.current?.focus() });

  useEffect(() => {
    const timer = setTimeout(() => onSearch(draft.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, onSearch]);

  // The chosen author or rule stays offered even when the facets (top authors) leave it out.
  const authors = facets?.authors ?? [];
  const authorListed = !filters.author || authors.some((a) => a.author === filters.author);
  const rules = (facets?.rules ?? []).filter((r) => !filters.category || r.category === filters.category);

  return (
    <form
      className="queue-filters"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(draft.trim());
      }}
    >
      <label className="field field--grow">
        <span className="field-label">Search</span>
        <input
          ref={searchBox}
          type="search"
          placeholder="Search comments"
          maxLength={200}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") event.currentTarget.blur();
          }}
        />
      </label>
      <label className="field">
        <span className="field-label">Thread</span>
        <select value={filters.thread} onChange={(event) => onChange({ thread: event.target.value, rule: "", author: "" })}>
          <option value="">All threads</option>
          {threads.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title || "Untitled thread"} ({t.comment_count})
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Category</span>
        <select value={filters.category} onChange={(event) => onChange({ category: event.target.value as Category | "", rule: "" })}>
          <option value="">Any category</option>
          {SEVERITY_ORDER.map((c) => (
            <option key={c} value={c}>
              {categoryLabel(c)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Rule</span>
        <select value={filters.rule} onChange={(event) => onChange({ rule: event.target.value })}>
          <option value="">Any rule</option>
          {filters.rule && !rules.some((r) => r.rule === filters.rule) && <option value={filters.rule}>{filters.rule}</option>}
          {rules.map((r) => (
            <option key={r.rule} value={r.rule}>
              {r.rule} ({r.count})
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Author</span>
        <select value={filters.author} onChange={(event) => onChange({ author: event.target.value })}>
          <option value="">Any author</option>
          {!authorListed && <option value={filters.author}>{filters.author}</option>}
          {authors.map((a) => (
            <option key={a.author} value={a.author}>
              {a.author} ({a.count})
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
