import { useEffect, useRef, useState, type ReactNode } from "react";
import type { ApiComment, DecisionAction } from "../../api";
import { RemoveDialog } from "../../components/remove-dialog";
import { defaultRemovalReason } from "../../components/removal-reasons";
import { useCanDecide } from "../auth/use-session";
import { useDecideComment } from "./mutations";
import { useShortcuts } from "./use-shortcuts";

const FAILED_VERB: Record<DecisionAction, string> = { approve: "approve", remove: "remove", undo: "undo the decision on" };

/** The parts of a comment a decision needs; queue items and thread comments both have them. */
export type DecidableComment = Pick<ApiComment, "id" | "author" | "status" | "flags" | "version" | "can_undo"> & Partial<ApiComment>;

/**
 * Approve / Remove / Undo for one comment, wherever it is shown (queue card, thread page):
 * the buttons, the a/r/u shortcuts while `shortcutsEnabled`, the removal-reason dialog and the
 * error when the server refuses. Returns whether a decision is in flight, for aria-busy.
 */
export function useDecisionActions(comment: DecidableComment, shortcutsEnabled: boolean): { busy: boolean; actions: ReactNode } {
  const decide = useDecideComment();
  // Viewers read only: no buttons and no shortcuts (the server refuses their decisions anyway).
  const canDecide = useCanDecide();
  const [askingReason, setAskingReason] = useState(false);
  // After a decision, focus goes to the button that reverses it (Undo), and after an undo back to
  // Approve: the next Enter or Space does the expected thing and focus never drops to <body>.
  const [focusAfter, setFocusAfter] = useState<"undo" | "approve" | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const approveButton = useRef<HTMLButtonElement>(null);
  const footer = useRef<HTMLElement>(null);
  const { status } = comment;
  // A status the source itself gave (e.g. imported as removed) has no decision to undo.
  const canUndo = comment.can_undo ?? status !== "pending";

  const act = (action: DecisionAction, reason?: string) => {
    if (decide.isPending || !canDecide) return;
    if (action === "approve" && status === "approved") return;
    if (action === "remove" && status === "removed") return;
    if (action === "undo" && !canUndo) return;
    if (action === "remove" && reason === undefined) {
      setAskingReason(true);
      return;
    }
    decide.mutate(
      { comment: comment as ApiComment, action, ...(reason ? { reason } : {}) },
      { onSettled: () => setFocusAfter(action === "undo" ? "approve" : "undo") },
    );
  };
  useEffect(() => {
    if (!focusAfter || decide.isPending) return;
    const target = focusAfter === "undo" ? undoButton.current : approveButton.current;
    // Once the buttons are enabled again (a disabled button cannot take focus); a refused
    // decision may leave no such button, and then focus stays where it is.
    if (target?.disabled) return;
    setFocusAfter(null);
    // Not if the moderator has already moved on (j/k, another card, the search box).
    const active = document.activeElement;
    const card = footer.current?.closest("article") ?? footer.current;
    if (active && active !== document.body && !card?.contains(active)) return;
    target?.focus({ preventScroll: true });
  });
  useShortcuts({ a: () => act("approve"), r: () => act("remove"), u: () => act("undo") }, shortcutsEnabled && !askingReason);

  const actions = (
    <footer ref={footer} className="comment-actions">
      {canDecide && status !== "approved" && (
        <button ref={approveButton} type="button" className="button button--approve" disabled={decide.isPending} onClick={() => act("approve")}>
          Approve
        </button>
      )}
      {canDecide && status !== "removed" && (
        <button type="button" className="button button--remove" disabled={decide.isPending} onClick={() => act("remove")}>
          Remove
        </button>
      )}
      {canDecide && canUndo && (
        <button ref={undoButton} type="button" className="button button--undo" disabled={decide.isPending} onClick={() => act("undo")}>
          Undo
        </button>
      )}
      {decide.isError && (
        <p className="comment-error" role="alert">
          Could not {FAILED_VERB[decide.variables.action]} this comment: {decide.error.message}
        </p>
      )}
      {askingReason && (
        <RemoveDialog
          title={`Remove comment by ${comment.author || "unknown author"}`}
          defaultReason={defaultRemovalReason(comment.flags)}
          onClose={() => setAskingReason(false)}
          onConfirm={(reason) => {
            setAskingReason(false);
            act("remove", reason);
          }}
        />
      )}
    </footer>
  );
  return { busy: decide.isPending, actions };
}
