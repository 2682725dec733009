import cliProgress from "cli-progress";
import { SILENT_PROGRESS, type ImportProgress } from "../services/import-progress";

/**
 * Whether `sift import` draws a progress bar: only for a person at a terminal. With --json, or
 * when stdout or stderr is a pipe or a file (scripts, CI, `npm run --silent`), it stays silent so
 * the output is exactly what the CONTRACT promises.
 */
export function shouldShowProgress(opts: { json: boolean; stdoutIsTTY: boolean; stderrIsTTY: boolean }): boolean {
  return !opts.json && opts.stdoutIsTTY && opts.stderrIsTTY;
}

/** A progress bar on stderr (comments done, rate, ETA) for each phase of an import; `stop` clears it. */
export function createProgressBar(stream: NodeJS.WriteStream = process.stderr): ImportProgress & { stop(): void } {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "{phase} [{bar}] {value}/{total} comments | {rate}/s | ETA {eta_formatted}",
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = 0;
  let running = false;
  const rate = () => Math.round(bar.getProgress() * bar.getTotal() / Math.max(0.001, (performance.now() - started) / 1000));
  return {
    phase(name, total) {
      started = performance.now();
      if (running) bar.stop();
      bar.start(total, 0, { phase: name.padEnd(5), rate: 0 });
      running = true;
    },
    advance(comments) {
      bar.increment(comments, { rate: rate().toLocaleString("en-GB") });
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}

/** The bar when shouldShowProgress says so, else a reporter that prints nothing. */
export function progressFor(json: boolean): ImportProgress & { stop(): void } {
  const show = shouldShowProgress({ json, stdoutIsTTY: process.stdout.isTTY === true, stderrIsTTY: process.stderr.isTTY === true });
  return show ? createProgressBar() : { ...SILENT_PROGRESS, stop: () => {} };
}
