import { useMutation, useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import {
  apiUrl,
  requestJson,
  type ApiComment,
  type ApiError,
  type BulkDecisionResult,
  type CommentsPage,
  type CommentStatus,
  type DecisionAction,
} from "../../api";
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
export function patchCommentInLists(client: QueryClient, id: string, patch: (comment: ApiComment) => ApiComment): void {
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

/** Patches one comment in every cached thread page (the thread feature caches under ["thread", id]). */
function patchCommentInThreads(client: QueryClient, id: string, patch: Partial<ApiComment>): void {
  client.setQueriesData<{ comments: ApiComment[] }>({ queryKey: ["thread"] }, (data) =>
    data?.comments ? { ...data, comments: data.comments.map((c) => (c.id === id ? { ...c, ...patch } : c)) } : data,
  );
}

/** The comment as the server has it after a 409 (issues[0].current), or unchanged for other errors. */
function withConflictState(comment: ApiComment, error: ApiError): ApiComment {
  const current = (error.issues[0] as { current?: { status?: CommentStatus; version?: number } } | undefined)?.current;
  if (error.status !== 409 || !current?.status || typeof current.version !== "number") return comment;
  return { ...comment, status: current.status, version: current.version, can_undo: current.status !== "pending" };
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
      await queryClient.cancelQueries({ queryKey: ["thread"] });
      patchCommentInLists(queryClient, comment.id, (c) => ({ ...c, status: predictStatus(action), can_undo: action !== "undo" }));
      patchCommentInThreads(queryClient, comment.id, { status: predictStatus(action), can_undo: action !== "undo" });
    },
    onError: (error, { comment }) => {
      // A colleague decided first (409): show their decision, not the stale state (the card shows who).
      const restored = withConflictState(comment, error);
      patchCommentInLists(queryClient, comment.id, () => restored);
      patchCommentInThreads(queryClient, comment.id, { status: restored.status, can_undo: restored.can_undo ?? false, version: restored.version });
    },
    onSuccess: (updated) => {
      patchCommentInLists(queryClient, updated.id, (c) => ({ ...c, ...updated }));
      patchCommentInThreads(queryClient, updated.id, { status: updated.status, can_undo: updated.can_undo, version: updated.version });
    },
    onSettled: () => invalidateAfterDecision(queryClient),
  });
}

export interface BulkDecisionInput {
  ids: string[];
  action: "approve" | "remove";
  reason?: string;
}

/**
 * Approves or removes many comments in one request (one transaction on the server, one log
 * entry per comment). Not optimistic: a bulk action can touch comments not loaded here, so the
 * lists are patched from the answer and refreshed.
 */
export function useBulkDecide() {
  const queryClient = useQueryClient();
  return useMutation<BulkDecisionResult, ApiError, BulkDecisionInput>({
    mutationFn: (input) => requestJson<BulkDecisionResult>(apiUrl("comments/bulk-decision"), { method: "POST", body: input }),
    onSuccess: (result) => {
      for (const d of result.decided) {
        patchCommentInLists(queryClient, d.id, (c) => ({ ...c, status: d.status, version: d.version, can_undo: true }));
      }
    },
    onSettled: () => invalidateAfterDecision(queryClient),
  });
}

/** Marks every view that a decision may have changed as stale (lists are refetched when next shown). */
export async function invalidateAfterDecision(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queueKeys.lists(), refetchType: "none" }),
    queryClient.invalidateQueries({ queryKey: [...queueKeys.all, "counts"] }),
    queryClient.invalidateQueries({ queryKey: [...queueKeys.all, "duplicates"] }),
    queryClient.invalidateQueries({ queryKey: queueKeys.threads() }),
    queryClient.invalidateQueries({ queryKey: ["thread"] }),
    queryClient.invalidateQueries({ queryKey: ["author"] }),
    queryClient.invalidateQueries({ queryKey: ["decision-log"] }),
  ]);
}
