import type { ApiResult } from "./api-bench";
import type { ExportResult } from "./export-bench";
import type { FormatImportResult } from "./import-bench";
import type { MachineInfo } from "./measure";
import type { RulesResult } from "./rules-bench";

/** Everything one run measured. The first keys are CONTRACT.md's; the rest explain them. */
export interface BenchReport {
  comments: number;
  import_comments_per_s: number | null;
  raw_insert_rows_per_s: number | null;
  rules_comments_per_s: number | null;
  obscenity_comments_per_s: number | null;
  peak_rss_mb: number | null;
  queue_p95_ms: number | null;
  search_p95_ms: number | null;
  decision_p95_ms: number | null;
  export_comments_per_s: number | null;
  import_vs_raw_insert: number | null;
  rules_vs_obscenity: number | null;
  seed: number;
  repetitions: number;
  threads: number;
  average_body_chars: number;
  machine: MachineInfo;
  seconds: number;
  rules: RulesResult;
  import: FormatImportResult[];
  api: ApiResult;
  export: ExportResult;
}

/** `--rules-only`: the contract's keys (those not measured are null) and the rules figures. */
export type RulesOnlyReport = Pick<
  BenchReport,
  | "comments" | "import_comments_per_s" | "raw_insert_rows_per_s" | "rules_comments_per_s" | "obscenity_comments_per_s" | "peak_rss_mb"
  | "queue_p95_ms" | "search_p95_ms" | "decision_p95_ms" | "export_comments_per_s" | "rules_vs_obscenity" | "seed" | "machine" | "seconds" | "rules"
>;

const int = (n: number | null) => (n === null ? "n/a" : Math.round(n).toLocaleString("en-GB"));
const dec = (n: number | null, digits = 1) => (n === null ? "n/a" : n.toFixed(digits));

/** The readable table: one row per figure, with what it means. */
export function formatTable(r: BenchReport): string {
  const rows: [string, string, string][] = [
    ["comments", int(r.comments), `${r.threads} threads, ${r.average_body_chars} chars average, seed ${r.seed}`],
    ...r.import.map((f): [string, string, string] => [
      `import ${f.format} (comments/s)`,
      int(f.comments_per_s),
      `${f.file_mb} MB file; prepare ${f.prepare_s} s, store ${f.store_s} s, index ${f.index_s} s; peak RSS ${f.peak_rss_mb} MB`,
    ]),
    ["import_comments_per_s", int(r.import_comments_per_s), "slower format; read + parse + rules + store + search index"],
    ["raw_insert_rows_per_s", int(r.raw_insert_rows_per_s), "same rows, one prepared INSERT, one transaction, no indexes/FTS (the limit)"],
    ["import ÷ raw insert", dec(r.import_vs_raw_insert, 3), ""],
    ["peak_rss_mb", int(r.peak_rss_mb), "largest import's maxRSS (child process)"],
    ...rulesRows(r),
    ["queue p50 / p95 (ms)", `${dec(r.api.queue_p50_ms)} / ${dec(r.queue_p95_ms)}`, `view=review and view=all, 50 a page, cursor paging; ${r.api.mode}; ${int(r.api.comments ?? r.comments)} comments`],
    ["search p50 / p95 (ms)", `${dec(r.api.search_p50_ms)} / ${dec(r.search_p95_ms)}`, "q= over bodies and authors (FTS5)"],
    ["counts p50 / p95 (ms)", `${dec(r.api.counts_p50_ms)} / ${dec(r.api.counts_p95_ms)}`, "GET /api/counts (every view)"],
    ["decision p50 / p95 (ms)", `${dec(r.api.decision_p50_ms)} / ${dec(r.decision_p95_ms)}`, "POST approve, then undo"],
    ["export JSON (comments/s)", int(r.export.json_comments_per_s), `${r.export.json_mb} MB; whole database; ${r.export.repetitions} run(s)`],
    ["export CSV (comments/s)", int(r.export.csv_comments_per_s), `${r.export.csv_mb} MB; RSS after exports ${r.export.rss_after_mb} MB`],
  ];
  const m = r.machine;
  return layout(
    [
      `Sift benchmark: ${m.cpu}, ${m.cores} cores, ${m.memory_gb} GB, Node ${m.node}, ${m.platform}`,
      `load average (1 min) ${m.load_start} at start, ${m.load_end ?? "?"} at end; medians of ${r.repetitions} repetitions (rules: ${r.rules.repetitions}; imports: one run each; long exports fewer); ${r.seconds} s in all`,
      ...(r.api.note ? [`API: ${r.api.note}`] : []),
    ],
    rows,
  );
}

/** The table of `--rules-only`. */
export function formatRulesTable(r: RulesOnlyReport): string {
  const m = r.machine;
  return layout(
    [
      `Sift rules benchmark: ${m.cpu}, ${m.cores} cores, Node ${m.node}; load average (1 min) ${m.load_start} at start, ${m.load_end ?? "?"} at end; ${r.seconds} s in all`,
      `${int(r.rules.sample_comments)} comments (seed ${r.seed}), ${r.rules.average_body_chars} characters on average; ${r.rules.timing}, medians of ${r.rules.repetitions} interleaved repetitions`,
    ],
    rulesRows(r),
  );
}

function rulesRows(r: Pick<BenchReport, "rules_comments_per_s" | "obscenity_comments_per_s" | "rules_vs_obscenity" | "rules">): [string, string, string][] {
  const x = r.rules;
  return [
    ["rules_comments_per_s", int(r.rules_comments_per_s), `Sift evaluateThread, all six categories, ${int(x.sample_comments)} comments of ${x.average_body_chars} chars average, one core (${x.timing})`],
    ["  evaluateComment alone", int(x.rules_comment_only_comments_per_s), "no thread context"],
    ["obscenity_comments_per_s", int(r.obscenity_comments_per_s), "obscenity default English matcher, hasMatch, same comments"],
    ["  obscenity getAllMatches", int(x.obscenity_all_matches_comments_per_s), ""],
    [
      "Sift ÷ obscenity",
      dec(r.rules_vs_obscenity, 2),
      `at least 1 is issue 3's bar; ${dec(x.rules_vs_obscenity_range[0], 2)}–${dec(x.rules_vs_obscenity_range[1], 2)} across repetitions; flagged: Sift ${(x.flagged_share_sift * 100).toFixed(1)}%, obscenity ${(x.flagged_share_obscenity * 100).toFixed(1)}%`,
    ],
  ];
}

function layout(header: string[], rows: [string, string, string][]): string {
  const w0 = Math.max(...rows.map((x) => x[0].length));
  const w1 = Math.max(...rows.map((x) => x[1].length));
  const lines = [...header, "", ...rows.map(([a, b, c]) => `${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`.trimEnd())];
  return `${lines.join("\n")}\n`;
}
