import { useEffect, useRef } from "react";
import { createPortal } from "react-dom";

const SHORTCUTS: readonly [string, string][] = [
  ["j / k", "Next / previous comment"],
  ["a", "Approve"],
  ["r", "Remove (Enter confirms the reason)"],
  ["u", "Undo the last decision"],
  ["x", "Select for a bulk action"],
  ["/", "Search"],
  ["?", "Show this help"],
];

/** The keyboard shortcuts, in a modal dialog (Escape or Close dismisses it). */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
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
        {SHORTCUTS.map(([keys, what]) => (
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
