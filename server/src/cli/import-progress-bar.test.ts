import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createProgressBar, shouldShowProgress } from "./import-progress-bar";

describe("shouldShowProgress", () => {
  it.each([
    [{ json: false, stdoutIsTTY: true, stderrIsTTY: true }, true],
    [{ json: true, stdoutIsTTY: true, stderrIsTTY: true }, false],
    [{ json: false, stdoutIsTTY: false, stderrIsTTY: true }, false],
    [{ json: false, stdoutIsTTY: true, stderrIsTTY: false }, false],
  ])("%j → %s", (opts, expected) => {
    expect(shouldShowProgress(opts)).toBe(expected);
  });
});

/** A terminal-like stream that records what is drawn on it. */
function fakeTerminal(): { stream: NodeJS.WriteStream; written: () => string } {
  let written = "";
  const stream = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        written += String(chunk);
        done();
      },
    }),
    { isTTY: true, columns: 120 },
  ) as unknown as NodeJS.WriteStream;
  return { stream, written: () => written };
}

describe("createProgressBar", () => {
  it("draws the phase, comments done of the total and a rate on a terminal", () => {
    const terminal = fakeTerminal();
    const bar = createProgressBar(terminal.stream);
    bar.phase("store", 10_000);
    bar.advance(4_000);
    bar.stop();
    expect(terminal.written()).toContain("store");
    expect(terminal.written()).toMatch(/4000\/10000 comments \| [\d,]+\/s/);
  });

  it("counts a file being read in MB", () => {
    const terminal = fakeTerminal();
    const bar = createProgressBar(terminal.stream);
    bar.phase("read", 250 * 1024 * 1024, "bytes");
    bar.advance(100 * 1024 * 1024);
    bar.stop();
    expect(terminal.written()).toMatch(/read {2}\[.*\] 100\.0\/250\.0 MB \| [\d.]+ MB\/s/);
  });

  it("finishes a read in MB when the next phase begins, never as a raw byte count", () => {
    const terminal = fakeTerminal();
    const bar = createProgressBar(terminal.stream);
    bar.phase("read", 90_991_444, "bytes");
    bar.advance(90_991_444);
    bar.phase("parse", 200_000);
    bar.advance(200_000);
    bar.stop();
    expect(terminal.written()).toContain("86.8/86.8 MB");
    expect(terminal.written()).not.toContain("90991444");
  });
});
