import { formatReport } from "./report";
import { runEvaluation } from "./run";

// `npm run eval [-- --json]`: scores the rules engine and a word-list baseline on the labelled corpus,
// and exits non-zero when a category falls below its floor (floors.json), so CI catches a regression.
const json = process.argv.slice(2).includes("--json");
const evaluation = runEvaluation();
process.stdout.write(json ? `${JSON.stringify(evaluation, null, 2)}\n` : formatReport(evaluation));
process.exitCode = evaluation.failures.length > 0 ? 1 : 0;
