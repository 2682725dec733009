import { useMemo } from "react";
import type { ApiFlag } from "../../api";
import { splitBodyByFlags } from "./highlight";
import { categoryLabel, sortFlagsBySeverity } from "./severity";

function describeEvidence(flags: ApiFlag[]): string {
  return flags.map((flag) => `${categoryLabel(flag.category)} (${flag.rule}): ${flag.explanation}`).join("\n");
}

/**
 * The comment text with each flag's evidence marked. Everything is rendered
 * as React text nodes, never as HTML: comment bodies are hostile input.
 * Paragraph breaks survive through `white-space: pre-wrap`, which also keeps
 * the flags' character offsets lined up with what is on screen.
 */
export function CommentBody({ body, flags }: { body: string; flags: ApiFlag[] }) {
  const segments = useMemo(() => splitBodyByFlags(body, flags), [body, flags]);
  return (
    <p className="comment-body">
      {segments.map((segment) => {
        if (segment.flags.length === 0) return segment.text;
        const top = sortFlagsBySeverity(segment.flags)[0]!;
        return (
          <mark key={segment.start} className={`evidence evidence--${top.category}`} title={describeEvidence(segment.flags)}>
            {segment.text}
          </mark>
        );
      })}
    </p>
  );
}
