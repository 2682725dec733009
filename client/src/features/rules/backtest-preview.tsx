import { useQuery } from "@tanstack/react-query";
import type { BacktestExample, BacktestResult } from "../../api";
import { Link, paths } from "../../components/router";
import { ExampleExcerpt } from "./backtest-example";
import { formatPrecision } from "./format";
import { backtestQueryOptions, type BacktestInput } from "./queries";

interface BacktestPreviewProps {
  /** What to try; null while the draft is incomplete or invalid. */
  input: BacktestInput | null;
  /** What the draft lacks, shown instead of a result. */
  hint?: string;
}

/** The live backtest under the rule form: what saving would change in the stored archive. */
export function BacktestPreview({ input, hint }: BacktestPreviewProps) {
  const backtest = useQuery({ ...backtestQueryOptions(input ?? { exception: { rule: "", word: "" } }), enabled: input !== null });
  return (
    <section className="backtest" aria-labelledby="backtest-title" aria-busy={backtest.isFetching}>
      <h3 id="backtest-title" className="backtest-title">
        Backtest on stored comments {backtest.isFetching && <span className="backtest-busy">· checking…</span>}
      </h3>
      {input === null ? (
        <p className="backtest-note">{hint ?? "Fill in the rule to see what it would flag."}</p>
      ) : backtest.isError ? (
        <p className="backtest-note backtest-note--error" role="alert">
          {backtest.error.message}
        </p>
      ) : backtest.data ? (
        <BacktestSummary result={backtest.data} />
      ) : (
        <p className="backtest-note">Checking the archive…</p>
      )}
    </section>
  );
}

function BacktestSummary({ result }: { result: BacktestResult }) {
  const { precision } = result;
  return (
    <>
      <dl className="backtest-figures" aria-label="Backtest results">
        <div>
          <dt>Would newly flag</dt>
          <dd>{result.newlyFlagged.count}</dd>
        </div>
        <div>
          <dt>Would clear</dt>
          <dd>{result.cleared.count}</dd>
        </div>
        <div>
          <dt>Precision</dt>
          <dd title="Of the comments it matches that moderators decided: the share they removed">{formatPrecision(precision.value)}</dd>
        </div>
        <div>
          <dt>Past decisions</dt>
          <dd className="backtest-decisions">
            {precision.removed} removed · {precision.approved} approved · {precision.pending} pending
          </dd>
        </div>
      </dl>
      <p className="backtest-note">Scanned {result.scanned.toLocaleString("en-GB")} stored comments.</p>
      <ExampleList title="Would newly flag" examples={result.newlyFlagged.examples} total={result.newlyFlagged.count} />
      <ExampleList title="Would clear" examples={result.cleared.examples} total={result.cleared.count} />
    </>
  );
}

function ExampleList({ title, examples, total }: { title: string; examples: BacktestExample[]; total: number }) {
  if (examples.length === 0) return null;
  return (
    <div className="backtest-examples">
      <h4>
        {title}: {examples.length < total ? `${examples.length} of ${total}` : total}
      </h4>
      <ul aria-label={`${title}: examples`}>
        {examples.map((example, i) => (
          <li key={`${example.commentId}-${i}`}>
            <span className="backtest-author">{example.author || "Unknown author"}</span>{" "}
            <Link href={paths.thread(example.threadId)} className="backtest-thread">
              thread
            </Link>
            <q className="backtest-excerpt">
              <ExampleExcerpt example={example} />
            </q>
          </li>
        ))}
      </ul>
    </div>
  );
}
