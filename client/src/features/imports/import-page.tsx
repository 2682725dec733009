import { useState, type DragEvent } from "react";
import { AppShell } from "../../components/app-shell";
import { Link, paths } from "../../components/router";
import { useImportFile } from "./mutations";

/** Matches the server's limit (server/src/routes/imports.ts), so a too-big file is refused before uploading. */
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Import a saved comment page or an export by dropping or picking a file; shows what was found or why not. */
export function ImportPage() {
  const upload = useImportFile();
  const [dragging, setDragging] = useState(false);
  const [tooBig, setTooBig] = useState<string | null>(null);

  const send = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_UPLOAD_BYTES) {
      setTooBig(`${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the browser import takes up to 20 MB (use the sift CLI for larger files).`);
      return;
    }
    setTooBig(null);
    upload.mutate(file);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    send(event.dataTransfer.files[0]);
  };

  return (
    <AppShell>
      <main className="import-page">
        <h2 className="section-title">Import comments</h2>
        <div
          className={`drop-zone${dragging ? " is-dragging" : ""}`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p>Drop a saved comment page (text or HTML), Reddit thread JSON, a Disqus or WordPress XML export, or a CSV / JSON / JSONL export here, or</p>
          <label className="button">
            Choose a file
            <input
              type="file"
              className="visually-hidden"
              onChange={(event) => {
                send(event.target.files?.[0]);
                event.target.value = "";
              }}
            />
          </label>
          {upload.isPending && <p role="status">Importing {upload.variables.name}…</p>}
        </div>
        {(tooBig ?? upload.error) && (
          <p className="import-error" role="alert">
            {tooBig ?? `Could not import: ${upload.error?.message}`}
          </p>
        )}
        {upload.isSuccess && (
          <section className="import-result" aria-label="Import result">
            {upload.data.map((t) => (
              <p key={t.id}>
                Imported <Link href={paths.thread(t.id)}>{t.title}</Link> as <strong>{t.format}</strong>: {t.comments}{" "}
                {t.comments === 1 ? "comment" : "comments"}, {t.flagged} flagged.
              </p>
            ))}
            <p>
              <Link href={paths.queue()}>Review them in the queue</Link>
            </p>
          </section>
        )}
      </main>
    </AppShell>
  );
}
