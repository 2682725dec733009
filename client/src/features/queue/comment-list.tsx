import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { BulkBar } from "./bulk-bar";
import { CommentCard } from "./comment-card";
import { DuplicateGroups } from "./duplicate-groups";
import type { ApiComment, ApiFlag, QueueView } from "../../api";
import { VIEWS } from "./format";
import { commentListQueryOptions, type QueueFilters } from "./queries";
import { QueueRows, useNearViewport, type QueueRowsHandle } from "./queue-rows";
import { ShortcutHelp } from "./shortcut-help";
import { useBulkSelection } from "./use-bulk-selection";
import { useShortcuts } from "./use-shortcuts";
import { useCanDecide } from "../auth/use-session";

/** Whether a comment still belongs in a view, e.g. not once it was decided from "Needs review". */
function belongsInView(comment: ApiComment, view: QueueView): boolean {
  if (view === "all") return true;
  if (view === "review") return comment.status === "pending" && comment.flags.length > 0;
  return comment.status === view;
}

interface CommentListProps {
  filters: QueueFilters;
  onOpenAuthor: (author: string, threadId: string) => void;
  onAddException?: (flags: ApiFlag[]) => void;
}

/** The comments of one view: j/k to move, x to tick for a bulk action, ? for the shortcuts. */
export function CommentList({ filters, onOpenAuthor, onAddException }: CommentListProps) {
  const list = useInfiniteQuery(commentListQueryOptions(filters));
  const comments = list.data?.pages.flatMap((page) => page.comments) ?? [];
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const cards = useRef(new Map<string, HTMLElement>());

  const rows = useRef<QueueRowsHandle>(null);
  // A card to focus as soon as it is rendered (j/k onto a virtualised row that is not there yet).
  const focusWhenRendered = useRef<string | null>(null);
  const loadMore = () => {
    if (list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
  };

  const moveSelection = (step: 1 | -1) => {
    if (comments.length === 0) return;
    const current = comments.findIndex((c) => c.id === selectedId);
    const next = current === -1 ? 0 : Math.min(comments.length - 1, Math.max(0, current + step));
    const id = comments[next]!.id;
    setSelectedId(id);
    const element = cards.current.get(id);
    if (element) {
      element.focus({ preventScroll: true });
      element.scrollIntoView({ block: "nearest" });
    } else {
      focusWhenRendered.current = id;
      rows.current?.scrollToIndex(next);
    }
    // Walking down the list fetches the next page before the end is reached.
    if (next >= comments.length - 5) loadMore();
  };
  const selection = useBulkSelection(comments.map((c) => c.id));
  const [showHelp, setShowHelp] = useState(false);
  // Viewers read only: no ticks, no bulk bar, no x.
  const canDecide = useCanDecide();
  const filterKey = JSON.stringify(filters);
  // A new filter is a new list: ticks on comments no longer shown would act unseen.
  useEffect(() => selection.clear(), [filterKey]); // eslint-disable-line react-hooks/exhaustive-deps -- clear on filter change only
  useShortcuts({
    j: () => moveSelection(1),
    k: () => moveSelection(-1),
    x: () => canDecide && selectedId && selection.toggle(selectedId, false),
    "?": () => setShowHelp(true),
  });

  const sentinel = useRef<HTMLDivElement>(null);
  useNearViewport(sentinel, list.hasNextPage, loadMore, comments.length);
  const selectedIndex = selectedId === null ? -1 : comments.findIndex((c) => c.id === selectedId);

  const decidedHere = comments.filter((c) => !belongsInView(c, filters.view)).length;

  if (list.isPending) return <p className="list-note">Loading comments…</p>;
  if (list.isError) {
    return (
      <div className="list-note list-note--error" role="alert">
        <p>Could not load comments: {list.error.message}</p>
        <button type="button" className="button" onClick={() => void list.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (comments.length === 0) {
    const empty = filters.q
      ? `No comments match “${filters.q}” in this view.`
      : VIEWS.find((v) => v.view === filters.view)?.empty;
    return <p className="list-note">{empty}</p>;
  }

  return (
    <>
      <div className="list-summary">
        <span>
          {comments.length}
          {list.hasNextPage ? "+" : ""} {comments.length === 1 ? "comment" : "comments"}
          {decidedHere > 0 && ` · ${decidedHere} decided, leaving this view on refresh`}
        </span>
        <button type="button" className="list-hint link-button" onClick={() => setShowHelp(true)}>
          <span aria-hidden="true">
            <kbd>j</kbd>/<kbd>k</kbd> move ·{" "}
            {canDecide && (
              <>
                <kbd>a</kbd> approve · <kbd>r</kbd> remove · <kbd>x</kbd> select ·{" "}
              </>
            )}
          </span>
          <kbd>?</kbd> Keyboard shortcuts
        </button>
        <button type="button" className="button button--quiet" disabled={list.isFetching} onClick={() => void list.refetch()}>
          {list.isFetching ? "Refreshing…" : "Refresh"}
        </button>
      </div>
      {canDecide && <BulkBar filters={filters} selection={selection} loaded={comments} />}
      {canDecide && <DuplicateGroups filters={filters} selection={selection} />}
      {showHelp && <ShortcutHelp canDecide={canDecide} onClose={() => setShowHelp(false)} />}
      <QueueRows
        ref={rows}
        comments={comments}
        selectedIndex={selectedIndex}
        renderCard={(comment) => (
          <CommentCard
            key={comment.id}
            comment={comment}
            isSelected={comment.id === selectedId}
            onSelect={() => setSelectedId(comment.id)}
            isChecked={selection.ids.has(comment.id)}
            onToggleCheck={(withRange) => selection.toggle(comment.id, withRange)}
            onOpenAuthor={onOpenAuthor}
            onAddException={onAddException}
            ref={(element) => {
              if (!element) return;
              cards.current.set(comment.id, element);
              if (focusWhenRendered.current === comment.id) {
                focusWhenRendered.current = null;
                element.focus({ preventScroll: true });
                element.scrollIntoView({ block: "nearest" });
              }
              return () => {
                cards.current.delete(comment.id);
              };
            }}
          />
        )}
      />
      {/* Scrolling near it loads the next page; the button is there for keyboard users and as a fallback. */}
      <div ref={sentinel} className="load-more-sentinel">
        {list.hasNextPage && (
          <button type="button" className="button load-more" disabled={list.isFetchingNextPage} onClick={loadMore}>
            {list.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        )}
      </div>
    </>
  );
}
