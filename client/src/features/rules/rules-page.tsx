import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { ApiSiteRule } from "../../api";
import { AppShell } from "../../components/app-shell";
import { useSessionUser } from "../auth/use-session";
import { BuiltinRulesTable } from "./builtin-rules-table";
import { ExceptionsSection } from "./exceptions-section";
import { useRescan } from "./mutations";
import { rulesQueryOptions } from "./queries";
import { SiteRuleForm } from "./site-rule-form";
import { SiteRulesTable } from "./site-rules-table";
import "./rules.css";

/**
 * The rules: the site's own (admins add, edit, disable and delete them, with a live backtest),
 * exceptions and the ones decisions suggest, and the built-in rules with how they fare.
 */
export function RulesPage() {
  const rules = useQuery(rulesQueryOptions());
  const role = useSessionUser()?.role;
  const isAdmin = role === "admin";
  const canTry = role === "admin" || role === "moderator";
  const [editing, setEditing] = useState<ApiSiteRule | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const rescan = useRescan();
  const status = useRef<HTMLParagraphElement>(null);
  // When the control just used is gone (a deleted row, an added suggestion), focus goes to the
  // result line instead of dropping to the top of the page.
  useEffect(() => {
    if (message && (document.activeElement === document.body || document.activeElement === null)) status.current?.focus({ preventScroll: true });
  }, [message]);

  return (
    <AppShell>
      <main className="rules-page">
        <div className="rules-header">
          <h2 className="page-title">Rules</h2>
          {rules.data && <span className="muted">Built-in pack {rules.data.packVersion}</span>}
          <span className="app-header-spacer" />
          {isAdmin && (
            <button
              type="button"
              className="button"
              disabled={rescan.isPending}
              onClick={() => rescan.mutate(undefined, { onSuccess: (r) => setMessage(`Rescanned ${r.scanned} comments, ${r.changed} changed.`) })}
            >
              {rescan.isPending ? "Rescanning…" : "Rescan stored comments"}
            </button>
          )}
        </div>
        <p ref={status} className="rules-status" role="status" tabIndex={-1}>
          {message}
        </p>
        {rescan.isError && (
          <p className="form-error" role="alert">
            Could not rescan: {rescan.error.message}
          </p>
        )}
        {rules.isPending && <p className="list-note">Loading rules…</p>}
        {rules.isError && (
          <p className="list-note list-note--error" role="alert">
            Could not load the rules: {rules.error.message}
          </p>
        )}
        {rules.data && (
          <>
            <section className="rules-section" aria-labelledby="site-rules-title">
              <h2 id="site-rules-title" className="section-title">
                Site rules
              </h2>
              <SiteRulesTable
                rules={rules.data.site}
                canEdit={isAdmin}
                onEdit={(rule) => {
                  setEditing(rule);
                  setMessage(null);
                }}
                onMessage={setMessage}
              />
              {canTry && (
                <SiteRuleForm
                  // A new key per rule: the form starts from that rule's stored values.
                  key={editing?.id ?? "new"}
                  editing={editing ?? undefined}
                  canSave={isAdmin}
                  onDone={(done) => {
                    setMessage(done);
                    setEditing(null);
                  }}
                  onCancel={editing ? () => setEditing(null) : undefined}
                />
              )}
            </section>
            <section className="rules-section" aria-labelledby="exceptions-title">
              <h2 id="exceptions-title" className="section-title">
                Exceptions
              </h2>
              <p className="muted section-intro">A word that is fine on this site for one rule: that rule's flags on it are cleared.</p>
              <ExceptionsSection exceptions={rules.data.exceptions} canEdit={isAdmin} onMessage={setMessage} />
            </section>
            <section className="rules-section" aria-labelledby="builtin-title">
              <h2 id="builtin-title" className="section-title">
                Built-in rules
              </h2>
              <BuiltinRulesTable rules={rules.data.builtin} />
            </section>
          </>
        )}
      </main>
    </AppShell>
  );
}
