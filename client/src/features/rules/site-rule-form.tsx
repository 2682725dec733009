import { SiteRuleSchema } from "@sift/shared";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import type { ApiSiteRule, Category, SiteRule, SiteRuleAction } from "../../api";
import { useDebouncedValue } from "../../components/use-debounced-value";
import { categoryLabel, SEVERITY_ORDER } from "../queue/severity";
import { BacktestPreview } from "./backtest-preview";
import { useSaveSiteRule } from "./mutations";

/** Typing may pause this long before the backtest runs. */
const BACKTEST_DEBOUNCE_MS = 400;

const KIND_HELP: Record<SiteRule["kind"], string> = {
  word: "One whole word; leetspeak, separators and repeated letters are seen through.",
  phrase: "Words in a row, each matched like a word rule.",
  regex: "A JavaScript regular expression, case-insensitive. Patterns that could run away are refused.",
};

const ACTIONS: { value: SiteRuleAction; label: string }[] = [
  { value: "flag", label: "Flag for review" },
  { value: "hold", label: "Hold until decided" },
  { value: "remove", label: "Remove (undoable)" },
];

interface Draft {
  id: string;
  kind: SiteRule["kind"];
  pattern: string;
  category: Category;
  action: SiteRuleAction;
  enabled: boolean;
  note: string;
}

function draftOf(rule?: ApiSiteRule): Draft {
  if (!rule) return { id: "", kind: "word", pattern: "", category: "profanity", action: "flag", enabled: true, note: "" };
  return { id: rule.id, kind: rule.kind, pattern: rule.pattern, category: rule.category, action: rule.action, enabled: rule.enabled, note: rule.note ?? "" };
}

/** The draft as the API takes it; the same shared schema the server validates with. */
function parseDraft(draft: Draft) {
  return SiteRuleSchema.safeParse({ ...draft, note: draft.note.trim() || undefined });
}

interface SiteRuleFormProps {
  /** The stored rule being edited; a new rule when absent. */
  editing?: ApiSiteRule;
  /** Admins save; moderators may only try rules out. */
  canSave: boolean;
  onDone: (message: string) => void;
  onCancel?: () => void;
}

/** Add or edit a site rule, with a live backtest of the draft against the stored comments. */
export function SiteRuleForm({ editing, canSave, onDone, onCancel }: SiteRuleFormProps) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(editing));
  const [submitted, setSubmitted] = useState(false);
  const save = useSaveSiteRule();
  const formId = useId();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const parsed = parseDraft(draft);
  const fieldError = (field: keyof Draft): string | undefined =>
    submitted && !parsed.success ? parsed.error.issues.find((i) => i.path[0] === field)?.message : undefined;
  // The backtest needs no id yet: a new rule is tried under a placeholder one.
  const trial = parseDraft({ ...draft, id: draft.id.trim() || "draft" });
  const settled = useDebouncedValue(trial.success ? trial.data : null, BACKTEST_DEBOUNCE_MS);

  const submit = (rescan: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    setSubmitted(true);
    if (!parsed.success || !canSave) return;
    save.mutate(
      { rule: parsed.data, existing: !!editing, rescan },
      {
        onSuccess: ({ rule, rescan: summary }) => {
          const verb = editing ? "Saved" : "Added";
          onDone(`${verb} rule ${rule.id}.${summary ? ` Rescanned ${summary.scanned} comments, ${summary.changed} changed.` : ""}`);
          if (!editing) setDraft(draftOf());
          setSubmitted(false);
        },
      },
    );
  };

  return (
    <form className="rule-form" aria-labelledby={`${formId}-title`} onSubmit={submit(false)} noValidate>
      <h3 id={`${formId}-title`} className="rule-form-title">
        {editing ? `Edit rule ${editing.id}` : canSave ? "Add a rule" : "Try a rule"}
      </h3>
      <div className="rule-form-grid">
        <Field label="Rule id" error={fieldError("id")}>
          {(control) => (
            <input {...control} value={draft.id} readOnly={!!editing} maxLength={64} placeholder="e.g. local-slur" onChange={(e) => set("id", e.target.value)} />
          )}
        </Field>
        <Field label="Kind">
          {(control) => (
            <select {...control} value={draft.kind} onChange={(e) => set("kind", e.target.value as SiteRule["kind"])}>
              <option value="word">Word</option>
              <option value="phrase">Phrase</option>
              <option value="regex">Regular expression</option>
            </select>
          )}
        </Field>
        <Field label="Pattern" error={fieldError("pattern")} hint={KIND_HELP[draft.kind]} wide>
          {(control) => (
            <input {...control} autoFocus={!!editing} value={draft.pattern} maxLength={200} spellCheck={false} onChange={(e) => set("pattern", e.target.value)} />
          )}
        </Field>
        <Field label="Category">
          {(control) => (
            <select {...control} value={draft.category} onChange={(e) => set("category", e.target.value as Category)}>
              {SEVERITY_ORDER.map((c) => (
                <option key={c} value={c}>
                  {categoryLabel(c)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Action">
          {(control) => (
            <select {...control} value={draft.action} onChange={(e) => set("action", e.target.value as SiteRuleAction)}>
              {ACTIONS.map((a) => (
                <option key={a.value} value={a.value}>
                  {a.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Note" error={fieldError("note")} hint="Why the rule exists; moderators see it in the flag's explanation." wide>
          {(control) => (
            <input {...control} value={draft.note} maxLength={300} onChange={(e) => set("note", e.target.value)} />
          )}
        </Field>
        <label className="rule-form-check">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => set("enabled", e.target.checked)} /> Enabled
        </label>
      </div>
      <BacktestPreview input={settled ? { rule: settled } : null} hint="Type a pattern to see what the rule would flag." />
      {save.isError && (
        <p className="form-error" role="alert">
          Could not save the rule: {save.error.message}
          {save.error.issues[0] && ` (${save.error.issues[0].message})`}
        </p>
      )}
      <div className="rule-form-actions">
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        {canSave ? (
          <>
            <button type="submit" className="button button--solid" disabled={save.isPending}>
              {save.isPending ? "Saving…" : "Save"}
            </button>
            <button type="button" className="button" disabled={save.isPending} onClick={submit(true)}>
              Save and rescan
            </button>
          </>
        ) : (
          <p className="backtest-note">Only admins can save rules.</p>
        )}
      </div>
    </form>
  );
}

interface ControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}

/** A labelled control with its error (or else its hint) as the control's description. */
function Field({ label, error, hint, wide, children }: { label: string; error?: string; hint?: string; wide?: boolean; children: (control: ControlProps) => ReactNode }) {
  const id = useId();
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={`field${wide ? " field--wide" : ""}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, ...(describedBy ? { "aria-describedby": describedBy } : {}), ...(error ? { "aria-invalid": true } : {}) })}
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : (
        hint && (
          <span id={`${id}-hint`} className="field-hint">
            {hint}
          </span>
        )
      )}
    </div>
  );
}
