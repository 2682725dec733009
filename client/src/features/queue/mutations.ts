import { useMutation, useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import { apiUrl, requestJson, type ApiComment, type ApiError, type CommentsPage, type CommentStatus, type DecisionAction } from "../../api";
import { queueKeys } from "./queries";

export interface DecisionInput {
  comment: ApiComment;
  action: DecisionAction;
  /** Why a comment was removed, kept in the decision log; the card sends the top flag's category. */
  reason?: string;
}

/** The status a decision most likely leads to, shown until the server answers (an undo may restore another). */
export function predictStatus(action: DecisionAction): CommentStatus {
  if (action === "approve") return "approved";
  if (action === "remove") return "removed";
  return "pending";
}

/** Replaces one comment wherever it appears in the cached lists, keeping its place. */
function patchCommentInLists(client: QueryClient, id: string, patch: (comment: ApiComment) => ApiComment): void {
  client.setQueriesData<InfiniteData<CommentsPage>>({ queryKey: queueKeys.lists() }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            comments: page.comments.map((comment) => (comment.id === id ? patch(comment) : comment)),
          })),
        }
      : data,
  );
}

/**
 * Approve, remove or undo one comment, optimistically.
 *
 * The comment keeps its place in the list it was decided in, showing its new
 * status and an Undo button: a moderator must be able to see and revert what
 * they just did. Lists are only marked stale, so a decided comment leaves its
 * view the next time that view is opened or refreshed, not under the cursor.
 * On failure the comment is put back as it was (only that comment, so a
 * concurrent decision on another one is not undone) and the error is left on
 * the mutation for the card to show.
 */
export function useDecideComment() {
  const queryClient = useQueryClient();
  return useMutation<ApiComment, ApiError, DecisionInput>({
    mutationFn: async ({ comment, action, reason }) => {
      const body = await requestJson<ApiComment | { comment: ApiComment }>(
        apiUrl(`comments/${encodeURIComponent(comment.id)}/decision`),
        { method: "POST", body: { action, version: comment.version, ...(reason === undefined ? {} : { reason }) } },
      );
      return "comment" in body ? body.comment : body;
    },
    onMutate: async ({ comment, action }) => {
      // A list fetch finishing now would overwrite the optimistic status.
      await queryClient.cancelQueries({ queryKey: queueKeys.lists() });
      patchCommentInLists(queryClient, comment.id, (c) => ({ ...c, status: predictStatus(action), can_undo: action !== "undo" }));
    },
    onError: (_error, { comment }) => {
      patchCommentInLists(queryClient, comment.id, () => comment);
    },
    onSuccess: (updated) => {
      patchCommentInLists(queryClient, updated.id, (c) => ({ ...c, ...updated }));
    },
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queueKeys.lists(), refetchType: "none" }),
        queryClient.invalidateQueries({ queryKey: [...queueKeys.all, "counts"] }),
        queryClient.invalidateQueries({ queryKey: queueKeys.threads() }),
      ]);
    },
  });
}
