/** The report's stylesheet: system fonts, print-friendly (no backgrounds needed to read it), no external assets. */
export const REPORT_STYLE = `
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;padding:2rem;max-width:72rem;color:#1b1f24;background:#fff}
h1{font-size:1.8rem;margin:0 0 .2rem}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid #d7dce3;padding-bottom:.2rem}h3{font-size:1.05rem;margin:1.5rem 0 .3rem}
.scope{color:#4a5462;margin:0 0 1.5rem}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(9.5rem,1fr));gap:.75rem}
.figure{border:1px solid #d7dce3;border-radius:8px;padding:.7rem .9rem;display:flex;flex-direction:column}
.figure .value{font-size:1.7rem;font-weight:650;line-height:1.2}.figure .label{font-weight:600}.figure .note{color:#5b6573;font-size:.85rem}
.chart{width:100%;max-width:44rem;height:auto;display:block;font-size:12px}
.chart text{fill:#1b1f24}.chart .tick{fill:#5b6573;font-size:11px}.chart .total{font-weight:600}
.chart .grid{stroke:#e3e7ec}.chart .axis{stroke:#8a94a6}
.legend{display:flex;gap:1rem;flex-wrap:wrap;font-size:.85rem;color:#4a5462;margin:.3rem 0 0}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.92rem}
th,td{border-bottom:1px solid #e3e7ec;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#f4f6f8;font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.when{white-space:nowrap}td.body{white-space:pre-wrap;overflow-wrap:anywhere;max-width:36rem}
tr.removed td{background:#fdf0ef}tr.approved td{background:#f0f8f1}
.flag{display:inline-block;margin:0 .3rem .3rem 0;padding:0 .35rem;border-radius:4px;background:#eef1f5;font-size:.82em}
.bar{display:inline-block;width:4rem;height:.6rem;background:#e3e7ec;border-radius:3px;vertical-align:middle;overflow:hidden}
.bar span{display:block;height:100%;background:#2e7d32}
.columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:0 2rem}
.empty{color:#5b6573}details summary{cursor:pointer;color:#3f6fb5}
code{font-size:.88em}footer{margin-top:3rem;color:#8a94a6;font-size:.85rem}
@media print{body{padding:0;max-width:none;font-size:11pt}section,.figure,tr{break-inside:avoid}h2{break-after:avoid}
details{display:block}details>*{display:block}tr.removed td,tr.approved td,th{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
@page{margin:1.5cm}
`;
