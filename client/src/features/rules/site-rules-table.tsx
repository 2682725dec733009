import { useEffect, useRef, useState } from "react";
import type { ApiSiteRule } from "../../api";
import { categoryLabel } from "../queue/severity";
import { formatDay, formatPrecision, precisionOf } from "./format";
import { useDeleteSiteRule, useToggleSiteRule } from "./mutations";

interface SiteRulesTableProps {
  rules: ApiSiteRule[];
  /** Admins toggle, edit and delete; everyone else reads. */
  canEdit: boolean;
  onEdit: (rule: ApiSiteRule) => void;
  onMessage: (message: string) => void;
}

/** The site's own rules, with an on/off switch, Edit and Delete for admins. */
export function SiteRulesTable({ rules, canEdit, onEdit, onMessage }: SiteRulesTableProps) {
  const toggle = useToggleSiteRule();
  const remove = useDeleteSiteRule();
  const [confirming, setConfirming] = useState<string | null>(null);
  // Focus moves to the confirmation that replaced the Delete… button, and back when it is kept.
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  if (rules.length === 0) return <p className="list-note">No site rules yet.</p>;
  return (
    <div className="table-scroll">
      {(toggle.isError || remove.isError) && (
        <p className="form-error" role="alert">
          {toggle.error?.message ?? remove.error?.message}
        </p>
      )}
      <table className="rules-table">
        <caption className="visually-hidden">Site rules</caption>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Pattern</th>
            <th scope="col">Category</th>
            <th scope="col">Action</th>
            <th scope="col">Enabled</th>
            <th scope="col" className="num">Hits</th>
            <th scope="col" className="num">Overturned</th>
            <th scope="col" className="num">Precision</th>
            <th scope="col">Changed</th>
            {canEdit && <th scope="col"><span className="visually-hidden">Actions</span></th>}
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => (
            <tr key={rule.id} className={rule.enabled ? undefined : "is-disabled"}>
              <th scope="row">
                <code>site.{rule.id}</code>
                {rule.note && <span className="rule-note">{rule.note}</span>}
              </th>
              <td>
                <span className="rule-kind">{rule.kind}</span> <code className="rule-pattern">{rule.pattern}</code>
              </td>
              <td>
                <span className={`chip chip--${rule.category}`}>{categoryLabel(rule.category)}</span>
              </td>
              <td>{rule.action}</td>
              <td>
                {canEdit ? (
                  <input
                    type="checkbox"
                    role="switch"
                    aria-label={`Enable rule ${rule.id}`}
                    checked={rule.enabled}
                    disabled={toggle.isPending}
                    onChange={(e) =>
                      toggle.mutate(
                        { id: rule.id, enabled: e.target.checked },
                        { onSuccess: (saved) => onMessage(saved.enabled ? `Rule ${saved.id} enabled; rescan to flag stored comments with it.` : `Rule ${saved.id} disabled; its flags are off stored comments.`) },
                      )
                    }
                  />
                ) : rule.enabled ? (
                  "Yes"
                ) : (
                  "No"
                )}
              </td>
              <td className="num">{rule.hits}</td>
              <td className="num">{rule.approved}</td>
              <td className="num">{formatPrecision(precisionOf(rule))}</td>
              <td className="rule-changed">
                {formatDay(rule.updatedAt)} by {rule.updatedBy}
              </td>
              {canEdit && (
                <td className="rule-actions">
                  {confirming === rule.id ? (
                    <>
                      <button
                        ref={confirmButton}
                        type="button"
                        className="button button--remove"
                        disabled={remove.isPending}
                        onClick={() => remove.mutate(rule.id, { onSuccess: () => (setConfirming(null), onMessage(`Deleted rule ${rule.id} and its flags.`)) })}
                      >
                        Delete {rule.id}
                      </button>
                      <button type="button" className="button button--quiet" onClick={() => setConfirming(null)}>
                        Keep
                      </button>
                    </>
                  ) : (
                    <>
                      <button type="button" className="button button--quiet" aria-label={`Edit rule ${rule.id}`} onClick={() => onEdit(rule)}>
                        Edit
                      </button>
                      <button type="button" className="button button--quiet" aria-label={`Delete rule ${rule.id}…`} onClick={() => setConfirming(rule.id)}>
                        Delete…
                      </button>
                    </>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
