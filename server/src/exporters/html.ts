import type { ExportDocument, ExportThread } from "@sift/shared";

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:2rem;color:#1b1b1b}
table{border-collapse:collapse;width:100%;margin-bottom:2rem}th,td{border:1px solid #ccc;padding:.4rem;vertical-align:top;text-align:left}
td.body{white-space:pre-wrap;max-width:40rem}.removed{background:#fde8e8}.approved{background:#e8f6ea}
.flag{display:inline-block;margin:0 .3rem .3rem 0;padding:0 .3rem;border-radius:3px;background:#eee;font-size:.85em}`;

function renderFlags(c: ExportThread["comments"][number]): string {
  return c.flags
    .map((f) => `<span class="flag" title="${escapeHtml(f.explanation ?? f.rule)}">${escapeHtml(f.category)}: ${escapeHtml(f.evidence)}</span>`)
    .join("");
}

/**
 * Only web addresses become links: escaping keeps markup out but not a `javascript:` or `data:`
 * URL that an imported file put in its url column, so anything else is shown as text.
 */
function renderUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(url)}</a>` : escapeHtml(url);
}

function renderThread(t: ExportThread): string {
  const count = (s: string) => t.comments.filter((c) => c.status === s).length;
  const flagged = t.comments.filter((c) => c.flags.length > 0).length;
  const rows = t.comments
    .map(
      (c) => `<tr class="${escapeHtml(c.status)}"><td>${c.position}</td><td>${escapeHtml(c.author)}</td>` +
        `<td>${escapeHtml(c.posted_at ?? "")}</td><td>${escapeHtml(c.status)}</td><td>${renderFlags(c)}</td>` +
        `<td class="body">${escapeHtml(c.body)}</td></tr>`,
    )
    .join("\n");
  return `<section>
<h2>${escapeHtml(t.title)}</h2>
${t.url ? `<p>${renderUrl(t.url)}</p>` : ""}
<p>${t.comments.length} comments, ${flagged} flagged; ${count("pending")} pending, ${count("approved")} approved, ${count("removed")} removed.</p>
<table><thead><tr><th>#</th><th>Author</th><th>Posted</th><th>Status</th><th>Flags</th><th>Comment</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</section>`;
}

/** A self-contained HTML report (no scripts, no external assets); every user string is escaped. */
export function renderHtml(doc: ExportDocument): string {
  const total = doc.threads.reduce((n, t) => n + t.comments.length, 0);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sift moderation report</title>
<style>${STYLE}</style></head>
<body>
<h1>Sift moderation report</h1>
<p>Generated ${escapeHtml(doc.generated_at)}: ${doc.threads.length} threads, ${total} comments.</p>
${doc.threads.map(renderThread).join("\n")}
</body></html>
`;
}
