import { defaultRangeExtractor, useWindowVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type ReactNode, type Ref, type RefObject } from "react";
import type { ApiComment } from "../../api";

/**
 * The first comments are rendered as plain DOM, the rest virtualised (only those near the
 * viewport exist). Plain first, because a queue of a normal thread must behave like a page:
 * every comment findable with the browser's search, by screen readers and by scripts, without
 * scrolling. Past this many, a long queue would slow every render, so rows come and go.
 */
export const PLAIN_ROWS = 200;

/** A guess for a card's height before it is measured; measured heights replace it. */
const ESTIMATED_CARD_PX = 170;

/** Lets the list scroll a comment into view even when its row is not rendered yet. */
export interface QueueRowsHandle {
  scrollToIndex: (index: number) => void;
}

interface QueueRowsProps {
  comments: readonly ApiComment[];
  /** Index of the j/k-selected comment (-1 for none): its row stays rendered while scrolled away. */
  selectedIndex: number;
  renderCard: (comment: ApiComment) => ReactNode;
  ref?: Ref<QueueRowsHandle>;
}

/** One `<article>` per rendered comment, plain up to PLAIN_ROWS and virtualised beyond. */
export function QueueRows({ comments, selectedIndex, renderCard, ref }: QueueRowsProps) {
  const virtual = useRef<QueueRowsHandle>(null);
  useImperativeHandle(ref, () => ({
    scrollToIndex: (index) => {
      if (index >= PLAIN_ROWS) virtual.current?.scrollToIndex(index - PLAIN_ROWS);
    },
  }));
  const rest = comments.slice(PLAIN_ROWS);
  return (
    <div className="comment-list">
      {comments.slice(0, PLAIN_ROWS).map(renderCard)}
      {rest.length > 0 && <VirtualRows ref={virtual} comments={rest} selectedIndex={selectedIndex - PLAIN_ROWS} renderCard={renderCard} />}
    </div>
  );
}

/** Rows that exist only near the viewport; the page itself scrolls (the header stays sticky). */
function VirtualRows({ comments, selectedIndex, renderCard, ref }: QueueRowsProps) {
  const container = useRef<HTMLDivElement>(null);
  const scrollMargin = useDocumentOffset(container);
  const virtualizer = useWindowVirtualizer({
    count: comments.length,
    estimateSize: () => ESTIMATED_CARD_PX,
    overscan: 6,
    scrollMargin,
    getItemKey: (index) => comments[index]?.id ?? index,
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      // The selected card stays mounted when scrolled away: its focus and a/r/u keep working.
      if (selectedIndex >= 0 && selectedIndex < comments.length && !indexes.includes(selectedIndex)) {
        indexes.push(selectedIndex);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
  });
  useImperativeHandle(ref, () => ({ scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: "auto" }) }), [virtualizer]);

  return (
    <div ref={container} className="virtual-rows" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => (
        <div
          key={item.key}
          ref={virtualizer.measureElement}
          data-index={item.index}
          className="virtual-row"
          style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
        >
          {renderCard(comments[item.index]!)}
        </div>
      ))}
    </div>
  );
}

/** The element's distance from the top of the document, kept current as content above it changes height. */
function useDocumentOffset(element: RefObject<HTMLElement | null>): number {
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const update = () => {
      if (element.current) setOffset(Math.round(element.current.getBoundingClientRect().top + window.scrollY));
    };
    update();
    // Anything above the rows changing height (a card expanding, a note appearing) resizes the body.
    const observer = new ResizeObserver(update);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [element]);
  return offset;
}

/**
 * Calls `onVisible` when `target` comes within a screen of the viewport, e.g. to load the next
 * page before the moderator reaches the end. Re-armed whenever `key` changes (a page arrived),
 * so a short page that leaves the target in view asks again.
 */
export function useNearViewport(target: RefObject<HTMLElement | null>, enabled: boolean, onVisible: () => void, key: unknown): void {
  const callback = useRef(onVisible);
  callback.current = onVisible;
  useEffect(() => {
    const element = target.current;
    if (!enabled || !element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) callback.current();
    }, { rootMargin: "0px 0px 100% 0px" });
    observer.observe(element);
    return () => observer.disconnect();
  }, [target, enabled, key]);
}
