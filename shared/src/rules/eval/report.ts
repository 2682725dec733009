import { CATEGORIES } from "../../schemas/thread";
import { describeFailure } from "./floors";
import type { Evaluation } from "./run";
import type { CategoryScore, Mistake } from "./score";

/** How many misses and false positives per category the text report shows (--json has them all). */
const SHOWN_PER_CATEGORY = 2;

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`).padStart(6);

/** The evaluation as a terminal report: the table, the confusions, the worst mistakes, the floors. */
export function formatReport(e: Evaluation): string {
  const lines: string[] = [];
  lines.push(
    `Corpus: ${e.corpus.items} items, ${e.corpus.clean} clean, ${e.corpus.hardNegatives} hard negatives ` +
      `(${Object.entries(e.corpus.byContrast).map(([k, v]) => `${k} ${v}`).join(", ")})`,
    "",
    "                 |         Sift           | word list (obscenity, any match = profanity)",
    "category support |  prec.  recall    F1   |  prec.  recall    F1",
  );
  for (const category of CATEGORIES) {
    const s = e.sift.categories.find((c) => c.category === category)!;
    const w = e.wordList.categories.find((c) => c.category === category)!;
    lines.push(`${category.padEnd(9)} ${String(s.support).padStart(6)} | ${row(s)} | ${row(w)}`);
  }
  lines.push(`${"any abuse".padEnd(9)} ${String(e.sift.anyAbuse.support).padStart(6)} | ${row(e.sift.anyAbuse)} | ${row(e.wordList.anyAbuse)}   (threat, slur, insult or profanity, whichever)`);
  const cleanLine = (label: string, card: Evaluation["sift"]) =>
    `${label}: flags ${card.clean.flagged} of ${card.clean.items} clean items, ${card.hardNegatives.flagged} of ${card.hardNegatives.items} hard negatives get a category they are not labelled with`;
  lines.push("", cleanLine("Sift     ", e.sift), cleanLine("word list", e.wordList));
  if (e.heldOut) lines.push("", ...heldOutTable(e.heldOut));
  lines.push("", "Hard negatives given a category they are not labelled with (Sift / word list):");
  for (const [contrast, { items, flagged }] of Object.entries(e.sift.byContrast)) {
    lines.push(`  ${contrast.padEnd(20)} ${String(flagged).padStart(3)} / ${String(e.wordList.byContrast[contrast]?.flagged ?? 0).padStart(3)}  of ${items}`);
  }
  lines.push("", "Confusion (Sift): rows are labels, columns what was predicted", confusionTable(e.sift.confusion));
  lines.push("", "Worst misses (labelled, not flagged):", ...mistakes(e.sift.misses));
  lines.push("", "Worst false positives (flagged, not labelled):", ...mistakes(e.sift.falsePositives));
  lines.push("");
  if (e.failures.length === 0) lines.push("Floors: all hold.");
  else lines.push(`Floors: ${e.failures.length} broken`, ...e.failures.map((f) => `  FAIL ${describeFailure(f)}`));
  return `${lines.join("\n")}\n`;
}

/** Recall and precision on held-out batches next to the rest: where the rules do not generalise. */
function heldOutTable(h: NonNullable<Evaluation["heldOut"]>): string[] {
  const lines = ["Held out (holdout-*.jsonl, written after the rules were tuned) vs the rest, Sift:", "category  held-out prec. recall (n) | rest prec. recall (n)"];
  for (const category of CATEGORIES) {
    const held = h.sift.categories.find((c) => c.category === category)!;
    const rest = h.tuned.categories.find((c) => c.category === category)!;
    lines.push(`${category.padEnd(9)} ${pct(held.precision)} ${pct(held.recall)} (${held.support}) | ${pct(rest.precision)} ${pct(rest.recall)} (${rest.support})`);
  }
  lines.push(`clean items flagged: held-out ${h.sift.clean.flagged} of ${h.sift.clean.items}, rest ${h.tuned.clean.flagged} of ${h.tuned.clean.items}`);
  return lines;
}

function row(s: CategoryScore): string {
  return `${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}`;
}

function confusionTable(confusion: Evaluation["sift"]["confusion"]): string {
  const columns = [...CATEGORIES, "none"];
  const header = `${"".padEnd(10)}${columns.map((c) => c.padStart(10)).join("")}`;
  const rows = Object.entries(confusion).map(([label, counts]) => `${label.padEnd(10)}${columns.map((c) => String(counts[c] ?? 0).padStart(10)).join("")}`);
  return [header, ...rows].join("\n");
}

/** A few mistakes per category, most severe category first. */
function mistakes(list: readonly Mistake[]): string[] {
  const shown = CATEGORIES.flatMap((c) => list.filter((m) => m.category === c).slice(0, SHOWN_PER_CATEGORY));
  if (shown.length === 0) return ["  none"];
  return shown.map((m) => {
    const labels = m.labels.length > 0 ? m.labels.join("+") : "clean";
    const why = m.reasons.length > 0 ? `\n      engine: ${m.reasons.join(", ")}` : "";
    return `  [${m.category}] ${m.id} (${labels}${m.contrast ? `, ${m.contrast}` : ""}) ${JSON.stringify(m.text)}\n      note: ${m.note}${why}`;
  });
}
