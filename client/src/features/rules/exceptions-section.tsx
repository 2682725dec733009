import { useQuery } from "@tanstack/react-query";
import type { ApiRuleException } from "../../api";
import { formatDay } from "./format";
import { useAddException, useDeleteException } from "./mutations";
import { suggestionsQueryOptions } from "./queries";

interface ExceptionsProps {
  exceptions: ApiRuleException[];
  canEdit: boolean;
  onMessage: (message: string) => void;
}

/** "This word is fine for this rule on this site": the list, and the ones moderators' approvals suggest. */
export function ExceptionsSection({ exceptions, canEdit, onMessage }: ExceptionsProps) {
  const remove = useDeleteException();
  return (
    <>
      {remove.isError && (
        <p className="form-error" role="alert">
          Could not delete the exception: {remove.error.message}
        </p>
      )}
      {exceptions.length === 0 ? (
        <p className="list-note list-note--compact">No exceptions yet.</p>
      ) : (
        <ul className="exception-list" aria-label="Exceptions">
          {exceptions.map((e) => (
            <li key={e.id}>
              <q className="exception-word">{e.word}</q> <span className="muted">for</span> <code>{e.rule}</code>
              <span className="muted">
                {" "}
                · added {formatDay(e.createdAt)} by {e.createdBy}
              </span>
              {canEdit && (
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={`Delete the exception “${e.word}” for ${e.rule}`}
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(e.id, { onSuccess: () => onMessage(`Deleted the exception “${e.word}” for ${e.rule}; its flags return on the next rescan.`) })}
                >
                  Delete
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <SuggestedExceptions canEdit={canEdit} onMessage={onMessage} />
    </>
  );
}

/** Words moderators keep approving for a rule (and never removed): one click makes them exceptions. */
function SuggestedExceptions({ canEdit, onMessage }: { canEdit: boolean; onMessage: (message: string) => void }) {
  const suggestions = useQuery(suggestionsQueryOptions());
  const add = useAddException();
  const list = suggestions.data ?? [];
  return (
    <section className="suggestions" aria-labelledby="suggestions-title">
      <h3 id="suggestions-title" className="subsection-title">
        Suggested exceptions
      </h3>
      {suggestions.isError && <p className="form-error">Could not load suggestions: {suggestions.error.message}</p>}
      {add.isError && (
        <p className="form-error" role="alert">
          Could not add the exception: {add.error.message}
        </p>
      )}
      {list.length === 0 ? (
        <p className="list-note list-note--compact">No suggestions: nothing a rule flagged keeps being approved.</p>
      ) : (
        <ul className="exception-list" aria-label="Suggested exceptions">
          {list.map((s) => (
            <li key={`${s.rule}\u0000${s.word}`}>
              <q className="exception-word">{s.word}</q> <span className="muted">for</span> <code>{s.rule}</code>
              <span className="muted">
                {" "}
                · approved {s.approved} times, removed {s.removed}
              </span>
              {canEdit && (
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={`Add exception “${s.word}” for ${s.rule}`}
                  disabled={add.isPending}
                  onClick={() =>
                    add.mutate(
                      { rule: s.rule, word: s.word },
                      { onSuccess: ({ rescan }) => onMessage(`Added the exception “${s.word}” for ${s.rule}. Rescanned ${rescan.scanned} comments, ${rescan.changed} changed.`) },
                    )
                  }
                >
                  Add exception
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
