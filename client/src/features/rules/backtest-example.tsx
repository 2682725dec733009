import type { BacktestExample } from "../../api";

/**
 * An excerpt of a comment with the evidence marked. Text only (React text nodes): comment
 * bodies are hostile, and offsets outside the excerpt are clamped so a stale answer cannot break it.
 */
export function ExampleExcerpt({ example }: { example: BacktestExample }) {
  const { excerpt, evidence } = example;
  const lead = (example.excerptStart ?? 0) > 0 ? "…" : "";
  if (evidence.start === null || evidence.end === null) return <>{lead + excerpt}</>;
  const start = Math.max(0, Math.min(excerpt.length, evidence.start));
  const end = Math.max(start, Math.min(excerpt.length, evidence.end));
  return (
    <>
      {lead + excerpt.slice(0, start)}
      <mark className="evidence evidence--match">{excerpt.slice(start, end)}</mark>
      {excerpt.slice(end)}
    </>
  );
}
