import { cpus, loadavg, totalmem } from "node:os";

/** Median of a non-empty list (the figure the benchmark quotes: the machine is shared and noisy). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0..100) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Milliseconds since `start` (from `now()`), with sub-millisecond resolution. */
export function now(): number {
  return performance.now();
}

/**
 * Runs `fn` up to `reps` times and returns each run's milliseconds. With `budgetMs`, stops early
 * once the runs so far took that long (a 20-second export is measured once, not three times).
 */
export function timeReps(reps: number, fn: () => void, budgetMs = Infinity): number[] {
  const times: number[] = [];
  for (let i = 0; i < reps && times.reduce((a, b) => a + b, 0) < budgetMs; i++) {
    const start = now();
    fn();
    times.push(now() - start);
  }
  return times;
}

/** Items per second for `count` items in `ms`. */
export function perSecond(count: number, ms: number): number {
  return ms > 0 ? Math.round((count / ms) * 1000) : 0;
}

/** Rounds to `digits` decimals (for ratios and milliseconds in the report). */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memory_gb: number;
  node: string;
  platform: string;
  /** 1-minute load average when the run started and ended: the machine is shared. */
  load_start: number;
  load_end?: number;
}

export function describeMachine(): MachineInfo {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? "unknown",
    cores: cpu.length,
    memory_gb: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    load_start: round(loadavg()[0] ?? 0, 2),
  };
}

export function currentLoad(): number {
  return round(loadavg()[0] ?? 0, 2);
}
