import { useEffect, useRef } from "react";
import { createPortal } from "react-dom";

/** [keys, what they do, whether they decide (left out for viewers, who cannot)]. */
const SHORTCUTS: readonly [string, string, boolean][] = [
  ["j / k", "Next / previous comment", false],
  ["a", "Approve", true],
  ["r", "Remove (Enter confirms the reason)", true],
  ["u", "Undo the last decision", true],
  ["x", "Select for a bulk action", true],
  ["/", "Search", false],
  ["?", "Show this help", false],
];

/** The keyboard shortcuts, in a modal dialog (Escape or Close dismisses it). */
export function ShortcutHelp({ canDecide, onClose }: { canDecide: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);
  return createPortal(
    <dialog ref={dialog} className="modal" aria-labelledby="shortcut-help-title" onClose={onClose}>
      <h2 id="shortcut-help-title" className="modal-title">
        Keyboard shortcuts
      </h2>
      <dl className="shortcut-list">
        {SHORTCUTS.filter(([, , decides]) => canDecide || !decides).map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog" className="modal-actions">
        <button type="submit" className="button" autoFocus>
          Close
        </button>
      </form>
    </dialog>,
    document.body,
  );
}
