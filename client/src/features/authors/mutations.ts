import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiUrl, requestJson, type ApiError, type BulkDecisionResult } from "../../api";
import { invalidateAfterDecision, patchCommentInLists } from "../queue/mutations";

/** Removes every pending comment by an author in one thread (one log entry per comment). */
export function useRemovePendingByAuthor() {
  const queryClient = useQueryClient();
  return useMutation<BulkDecisionResult, ApiError, { author: string; thread: string; reason: string }>({
    mutationFn: (body) => requestJson<BulkDecisionResult>(apiUrl("authors/remove-pending"), { method: "POST", body }),
    onSuccess: (result) => {
      for (const d of result.decided) {
        patchCommentInLists(queryClient, d.id, (c) => ({ ...c, status: d.status, version: d.version, can_undo: true }));
      }
    },
    onSettled: () => invalidateAfterDecision(queryClient),
  });
}
