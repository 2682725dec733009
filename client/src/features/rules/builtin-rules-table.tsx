import type { ApiBuiltinRule } from "../../api";
import { categoryLabel } from "../queue/severity";
import { formatPrecision, precisionOf } from "./format";

/** The built-in rules, read-only: what each looks for, how often it fired and how often moderators overturned it. */
export function BuiltinRulesTable({ rules }: { rules: ApiBuiltinRule[] }) {
  return (
    <div className="table-scroll">
      <table className="rules-table">
        <caption className="visually-hidden">Built-in rules</caption>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Category</th>
            <th scope="col">What it looks for</th>
            <th scope="col" className="num">Hits</th>
            <th scope="col" className="num" title="Flagged comments that moderators approved">Overturned</th>
            <th scope="col" className="num" title="Removed ÷ (removed + approved)">Precision</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => (
            <tr key={rule.id}>
              <th scope="row">
                <code>{rule.id}</code>
              </th>
              <td>
                <span className={`chip chip--${rule.category}`}>{categoryLabel(rule.category)}</span>
              </td>
              <td>{rule.description}</td>
              <td className="num">{rule.hits}</td>
              <td className="num">{rule.approved}</td>
              <td className="num">{formatPrecision(precisionOf(rule))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
