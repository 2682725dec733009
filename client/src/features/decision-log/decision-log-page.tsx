import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { DecisionAction } from "../../api";
import { AppShell } from "../../components/app-shell";
import { describeReason } from "../../components/removal-reasons";
import { Link, paths } from "../../components/router";
import { STATUS_LABELS, formatPostedAt } from "../queue/format";
import { decisionLogQueryOptions } from "./queries";

const ACTION_LABELS: Record<DecisionAction, string> = { approve: "Approved", remove: "Removed", undo: "Undid" };

/** Every decision moderators made: when, who, what, why, and what the comment was before. */
export function DecisionLogPage() {
  const [action, setAction] = useState("");
  const log = useInfiniteQuery(decisionLogQueryOptions(action));
  const entries = log.data?.pages.flatMap((p) => p.decisions) ?? [];

  return (
    <AppShell>
      <main className="log-page">
        <div className="log-header">
          <h2 className="section-title">Decision log</h2>
          <label className="field">
            <span className="field-label">Action</span>
            <select value={action} onChange={(event) => setAction(event.target.value)}>
              <option value="">All actions</option>
              <option value="approve">Approve</option>
              <option value="remove">Remove</option>
              <option value="undo">Undo</option>
            </select>
          </label>
        </div>
        {log.isPending && <p className="list-note">Loading the log…</p>}
        {log.isError && <p className="list-note list-note--error" role="alert">Could not load the log: {log.error.message}</p>}
        {log.data && entries.length === 0 && <p className="list-note">No decisions yet.</p>}
        {entries.length > 0 && (
          <table className="log-table">
            <caption className="visually-hidden">Decisions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Moderator</th>
                <th scope="col">Action</th>
                <th scope="col">Reason</th>
                <th scope="col">Previous status</th>
                <th scope="col">Comment</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((d) => (
                <tr key={d.id}>
                  <td>
                    <time dateTime={d.decided_at}>{formatPostedAt(d.decided_at)}</time>
                  </td>
                  <td>{d.moderator ?? "—"}</td>
                  <td>{ACTION_LABELS[d.action]}</td>
                  <td>{describeReason(d.reason) || "—"}</td>
                  <td>{STATUS_LABELS[d.from_status]}</td>
                  <td className="log-comment">
                    <strong>{d.author || "Unknown author"}</strong> in <Link href={paths.thread(d.thread_id)}>{d.thread_title}</Link>
                    <span className="log-excerpt">{d.excerpt}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {log.hasNextPage && (
          <button type="button" className="button load-more" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {log.isFetchingNextPage ? "Loading…" : "Load older decisions"}
          </button>
        )}
      </main>
    </AppShell>
  );
}
