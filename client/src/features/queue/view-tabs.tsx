import { useQuery } from "@tanstack/react-query";
import type { KeyboardEvent } from "react";
import type { QueueView } from "../../api";
import { VIEWS } from "./format";
import { viewCountsQueryOptions } from "./queries";

interface ViewTabsProps {
  view: QueueView;
  thread: string;
  onChange: (view: QueueView) => void;
  /** id of the element the tabs control. */
  panelId: string;
}

export function tabId(view: QueueView): string {
  return `queue-tab-${view}`;
}

/** The queue's views with their counts; arrow keys move between tabs, as in any tablist. */
export function ViewTabs({ view, thread, onChange, panelId }: ViewTabsProps) {
  const counts = useQuery(viewCountsQueryOptions(thread)).data;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const index = VIEWS.findIndex((v) => v.view === view);
    const next = VIEWS[(index + step + VIEWS.length) % VIEWS.length]!.view;
    onChange(next);
    document.getElementById(tabId(next))?.focus();
  };

  return (
    <div className="view-tabs" role="tablist" aria-label="Queue views" onKeyDown={onKeyDown}>
      {VIEWS.map(({ view: tab, label }) => {
        const selected = tab === view;
        const count = counts?.[tab];
        return (
          <button
            key={tab}
            id={tabId(tab)}
            type="button"
            role="tab"
            className="view-tab"
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab)}
          >
            {label}
            {count !== undefined && <span className="view-tab-count">{count}</span>}
          </button>
        );
      })}
    </div>
  );
}
