import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";
import type { ApiFlag } from "../../api";
import { useAddException } from "./mutations";
import { backtestQueryOptions } from "./queries";

/** One (rule, word) an exception could be made for; a chip may carry several. */
function candidatesOf(flags: readonly ApiFlag[]): { rule: string; word: string }[] {
  const seen = new Map<string, { rule: string; word: string }>();
  for (const flag of flags) {
    const word = flag.evidence.trim();
    if (word) seen.set(`${flag.rule}\u0000${word.toLowerCase()}`, { rule: flag.rule, word });
  }
  return [...seen.values()];
}

/**
 * "This word is fine for this rule on this site", from a flag chip: shows how many stored flags
 * the exception would clear (a backtest) before an admin confirms. Adding it rescans, so the
 * cleared flags leave the queue at once.
 */
export function AddExceptionDialog({ flags, onClose }: { flags: readonly ApiFlag[]; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const candidates = candidatesOf(flags);
  const [chosen, setChosen] = useState(0);
  const candidate = candidates[chosen] ?? candidates[0];
  const backtest = useQuery({ ...backtestQueryOptions({ exception: candidate ?? { rule: "", word: "" } }), enabled: !!candidate, placeholderData: undefined });
  const add = useAddException();

  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);

  const cleared = backtest.data?.cleared.count;
  return createPortal(
    <dialog ref={dialog} className="modal" aria-labelledby={titleId} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (candidate && !add.isSuccess) add.mutate(candidate);
          else onClose();
        }}
      >
        <h2 id={titleId} className="modal-title">
          Add an exception
        </h2>
        {candidates.length > 1 && (
          <fieldset className="exception-choices">
            <legend className="field-label">Which word</legend>
            {candidates.map((c, i) => (
              <label key={`${c.rule}-${c.word}`}>
                <input type="radio" name="exception" checked={i === chosen} onChange={() => setChosen(i)} disabled={add.isPending || add.isSuccess} /> “{c.word}” for{" "}
                <code>{c.rule}</code>
              </label>
            ))}
          </fieldset>
        )}
        {candidate && (
          <p>
            Treat <q className="exception-word">{candidate.word}</q> as fine for <code>{candidate.rule}</code> on this site.
          </p>
        )}
        <p className="exception-impact" aria-live="polite">
          {backtest.isPending
            ? "Counting the flags it would clear…"
            : backtest.isError
              ? `Could not count the flags it would clear: ${backtest.error.message}`
              : `It would clear ${cleared} ${cleared === 1 ? "flag" : "flags"} on stored comments (${backtest.data.precision.approved} approved, ${backtest.data.precision.removed} removed by moderators).`}
        </p>
        {add.isError && (
          <p className="form-error" role="alert">
            Could not add the exception: {add.error.message}
          </p>
        )}
        {add.isSuccess && (
          <p role="status" className="exception-done">
            Added. Rescanned {add.data.rescan.scanned} comments, {add.data.rescan.changed} changed.
          </p>
        )}
        <div className="modal-actions">
          {add.isSuccess ? (
            <button type="submit" className="button" autoFocus>
              Close
            </button>
          ) : (
            <>
              <button type="button" className="button" onClick={onClose}>
                Cancel
              </button>
              <button type="submit" className="button button--solid" disabled={add.isPending || !candidate} autoFocus>
                {add.isPending ? "Adding…" : "Add exception"}
              </button>
            </>
          )}
        </div>
      </form>
    </dialog>,
    document.body,
  );
}
