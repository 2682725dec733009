import { reportDownloadUrl, type ReportScope } from "./queries";

/** Download links for the report of the scope on screen: the server renders the files, the browser saves them. */
export function ReportDownloads({ scope }: { scope: ReportScope }) {
  const links = [
    ["HTML report", reportDownloadUrl(scope, "html")],
    ["CSV of comments", reportDownloadUrl(scope, "csv")],
    ["CSV of rules", reportDownloadUrl(scope, "csv", "rules")],
    ["JSON", reportDownloadUrl(scope, "json")],
  ] as const;
  return (
    <nav className="report-downloads" aria-label="Download this report">
      <span className="field-label">Download</span>
      {links.map(([label, href]) => (
        <a key={label} className="button" href={href} download>
          {label}
        </a>
      ))}
    </nav>
  );
}
