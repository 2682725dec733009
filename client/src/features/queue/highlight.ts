import type { ApiFlag } from "../../api";

/** A run of the body: plain text, or evidence covered by one or more flags. */
export interface BodySegment {
  /** Offset of the run in the body, stable across renders (used as a React key). */
  start: number;
  text: string;
  /** Flags whose evidence covers this whole run; empty for plain text. */
  flags: ApiFlag[];
}

/**
 * Cuts a comment body at every flag's start/end offset so each piece can be
 * rendered as text, evidence in a <mark>. Overlapping flags share the
 * overlapping run. Flags about the whole comment (null offsets) and offsets
 * outside the body are ignored, so a stale flag can never break the text.
 */
export function splitBodyByFlags(body: string, flags: readonly ApiFlag[]): BodySegment[] {
  const spans = flags.flatMap((flag) => {
    if (flag.start === null || flag.end === null) return [];
    const start = Math.max(0, Math.min(body.length, flag.start));
    const end = Math.max(0, Math.min(body.length, flag.end));
    return start < end ? [{ start, end, flag }] : [];
  });
  const cuts = [...new Set([0, body.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const segments: BodySegment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const covering = spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.flag);
    const previous = segments.at(-1);
    if (previous && previous.flags.length === 0 && covering.length === 0) {
      previous.text += body.slice(start, end);
    } else {
      segments.push({ start, text: body.slice(start, end), flags: covering });
    }
  }
  return segments;
}
