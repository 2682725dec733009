import { useEffect, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";
import type { RemovalReason } from "@sift/shared";
import { encodeRemovalReason, REMOVAL_REASON_OPTIONS } from "./removal-reasons";

interface RemoveDialogProps {
  /** e.g. "Remove comment by Rob Tanner" or "Remove 12 comments". */
  title: string;
  defaultReason: RemovalReason;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/**
 * Asks for a removal reason, already set from the top flag, with Remove focused: a removal stays
 * one click (or r, Enter) away while the log records why. Rendered in a modal <dialog> outside
 * the card, so the card keeps exactly one button named Remove.
 */
export function RemoveDialog({ title, defaultReason, onConfirm, onClose }: RemoveDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const [reason, setReason] = useState<RemovalReason>(defaultReason);
  const [otherText, setOtherText] = useState("");
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    // showModal focuses the first control (the reason); Remove is what most removals want.
    confirm.current?.focus();
  }, []);

  return createPortal(
    <dialog
      ref={dialog}
      className="modal"
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (reason === "other" && !otherText.trim()) return;
          onConfirm(encodeRemovalReason(reason, otherText));
        }}
      >
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        <label className="field">
          <span className="field-label">Reason</span>
          <select value={reason} onChange={(event) => setReason(event.target.value as RemovalReason)}>
            {REMOVAL_REASON_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        {reason === "other" && (
          <label className="field">
            <span className="field-label">Other reason</span>
            <input required maxLength={200} value={otherText} onChange={(event) => setOtherText(event.target.value)} />
          </label>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          {/* Focused on open, so Enter confirms the default reason at once. */}
          <button ref={confirm} type="submit" className="button button--remove button--solid">
            Remove
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}
