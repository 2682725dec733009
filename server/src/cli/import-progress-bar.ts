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
  let unit: "comments" | "bytes" = "comments";
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "{phase} [{bar}] {value}/{total} {unit} | {rate}/s | ETA {eta_formatted}",
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
      // Bytes read as MB: "118.2/250.0 MB" says more than a nine-digit count.
      formatValue: (value, options, type) =>
        unit === "bytes" && (type === "value" || type === "total") ? (value / MB).toFixed(1) : cliProgress.Format.ValueFormat(value, options, type),
    },
    cliProgress.Presets.shades_classic,
  );
  let started = 0;
  let running = false;
  const rate = () => {
    const perSecond = (bar.getProgress() * bar.getTotal()) / Math.max(0.001, (performance.now() - started) / 1000);
    return unit === "bytes" ? `${(perSecond / MB).toFixed(1)} MB` : Math.round(perSecond).toLocaleString("en-GB");
  };
  return {
    phase(name, total, phaseUnit = "comments") {
      // Stopped first: stopping draws the last frame, which must still format the old phase's unit.
      if (running) bar.stop();
      started = performance.now();
      unit = phaseUnit;
      bar.start(total, 0, { phase: name.padEnd(5), rate: 0, unit: unit === "bytes" ? "MB" : "comments" });
      running = true;
    },
    advance(done) {
      bar.increment(done, { rate: rate() });
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}

const MB = 1024 * 1024;

/** The bar when shouldShowProgress says so, else a reporter that prints nothing. */
export function progressFor(json: boolean): ImportProgress & { stop(): void } {
  const show = shouldShowProgress({ json, stdoutIsTTY: process.stdout.isTTY === true, stderrIsTTY: process.stderr.isTTY === true });
  return show ? createProgressBar() : { ...SILENT_PROGRESS, stop: () => {} };
}
