import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ApiComment } from "../../api";
import { RemoveDialog } from "../../components/remove-dialog";
import { defaultRemovalReason } from "../../components/removal-reasons";
import { useCanDecide } from "../auth/use-session";
import { useBulkDecide } from "./mutations";
import { fetchMatchingIds, type QueueFilters } from "./queries";
import type { BulkSelection } from "./use-bulk-selection";

interface BulkBarProps {
  filters: QueueFilters;
  selection: BulkSelection;
  /** The loaded comments, to default the removal reason from the selected ones' flags. */
  loaded: readonly ApiComment[];
}

/** What is ticked, "select all matching", and Approve/Remove for the whole selection. */
export function BulkBar({ filters, selection, loaded }: BulkBarProps) {
  const bulk = useBulkDecide();
  const canDecide = useCanDecide();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [selectingAll, setSelectingAll] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const count = selection.ids.size;

  const selectAllMatching = async () => {
    setSelectingAll(true);
    try {
      const { ids, truncated } = await queryClient.fetchQuery({ queryKey: ["queue", "ids", filters], queryFn: () => fetchMatchingIds(filters), staleTime: 0 });
      selection.setAll(ids);
      setNote(truncated ? `Selected the first ${ids.length} matching comments.` : null);
    } finally {
      setSelectingAll(false);
    }
  };

  const decide = (action: "approve" | "remove", reason?: string) => {
    bulk.mutate(
      { ids: [...selection.ids], action, ...(reason ? { reason } : {}) },
      {
        onSuccess: (result) => {
          selection.clear();
          const skipped = result.skipped.length;
          setNote(`${action === "approve" ? "Approved" : "Removed"} ${result.decided.length}${skipped ? `, ${skipped} already decided` : ""}.`);
        },
      },
    );
  };

  const selectedFlags = loaded.filter((c) => selection.ids.has(c.id)).flatMap((c) => c.flags);
  return (
    <div className="bulk-bar" role="region" aria-label="Bulk actions">
      <span className="bulk-count" aria-live="polite">
        {count > 0 ? `${count} selected` : "None selected"}
      </span>
      <button type="button" className="button button--quiet" disabled={selectingAll} onClick={() => void selectAllMatching()}>
        {selectingAll ? "Selecting…" : "Select all matching"}
      </button>
      {count > 0 && (
        <button type="button" className="button button--quiet" onClick={selection.clear}>
          Clear selection
        </button>
      )}
      {canDecide && count > 0 && (
        <>
          <button type="button" className="button button--approve" disabled={bulk.isPending} onClick={() => decide("approve")}>
            Approve selected
          </button>
          <button type="button" className="button button--remove" disabled={bulk.isPending} onClick={() => setAsking(true)}>
            Remove selected
          </button>
        </>
      )}
      {note && <span className="bulk-note" role="status">{note}</span>}
      {bulk.isError && (
        <span className="comment-error" role="alert">
          Could not decide the selected comments: {bulk.error.message}
        </span>
      )}
      {asking && (
        <RemoveDialog
          title={`Remove ${count} ${count === 1 ? "comment" : "comments"}`}
          defaultReason={defaultRemovalReason(selectedFlags)}
          onClose={() => setAsking(false)}
          onConfirm={(reason) => {
            setAsking(false);
            decide("remove", reason);
          }}
        />
      )}
    </div>
  );
}
