import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { threadsQueryOptions } from "./queries";

/** How long typing may pause before the list follows the search box. */
const SEARCH_DEBOUNCE_MS = 250;

interface QueueFiltersBarProps {
  thread: string;
  onThreadChange: (thread: string) => void;
  onSearch: (q: string) => void;
}

/** Thread filter and search box; Enter searches at once, typing searches after a short pause. */
export function QueueFiltersBar({ thread, onThreadChange, onSearch }: QueueFiltersBarProps) {
  const threads = useQuery(threadsQueryOptions()).data ?? [];
  const [draft, setDraft] = useState("");

  useEffect(() => {
    const timer = setTimeout(() => onSearch(draft.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, onSearch]);

  return (
    <form
      className="queue-filters"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(draft.trim());
      }}
    >
      <label className="field">
        <span className="field-label">Thread</span>
        <select value={thread} onChange={(event) => onThreadChange(event.target.value)}>
          <option value="">All threads</option>
          {threads.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title || "Untitled thread"} ({t.comment_count})
            </option>
          ))}
        </select>
      </label>
      <label className="field field--grow">
        <span className="field-label">Search</span>
        <input
          type="search"
          placeholder="Search comments"
          maxLength={200}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
      </label>
    </form>
  );
}
