import { layoutBarChart, layoutColumnChart, type BarRow } from "@sift/shared/report";

interface Series {
  label: string;
  colour: string;
}

/** Swatches naming each series, under a chart. */
export function ChartLegend({ series }: { series: readonly Series[] }) {
  return (
    <ul className="chart-legend">
      {series.map((s) => (
        <li key={s.label}>
          <span className="chart-swatch" style={{ background: s.colour }} aria-hidden="true" />
          {s.label}
        </li>
      ))}
    </ul>
  );
}

/** Horizontal stacked bars (the same geometry as the HTML report's), each segment titled with its value. */
export function BarChart({ title, rows, series }: { title: string; rows: readonly BarRow[]; series: readonly Series[] }) {
  const chart = layoutBarChart(rows, { labelWidth: 190 });
  const bottom = chart.height - 18;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-label={title}>
        {chart.ticks.map((tick) => (
          <g key={tick.value}>
            <line x1={tick.at} x2={tick.at} y1={4} y2={bottom} className="chart-grid" />
            <text x={tick.at} y={bottom + 14} textAnchor="middle" className="chart-tick">
              {tick.value}
            </text>
          </g>
        ))}
        {chart.rows.map((row) => {
          const mid = row.y + chart.rowHeight / 2 + 4;
          const last = row.rects[row.rects.length - 1];
          return (
            <g key={row.label}>
              <text x={chart.plotX - 8} y={mid} textAnchor="end" className="chart-label">
                {row.label.length > 26 ? `${row.label.slice(0, 25)}…` : row.label}
              </text>
              {row.rects.map((r) => (
                <rect key={r.series} x={r.x} y={r.y} width={r.width} height={r.height} fill={series[r.series]?.colour}>
                  <title>{`${row.label}: ${r.value} ${series[r.series]?.label.toLowerCase() ?? ""}`}</title>
                </rect>
              ))}
              <text x={(last ? last.x + last.width : chart.plotX) + 6} y={mid} className="chart-total">
                {row.total}
              </text>
            </g>
          );
        })}
      </svg>
      <ChartLegend series={series} />
    </figure>
  );
}

/** Grouped columns per time bucket, labels thinned so they never overlap. */
export function ColumnChart({ title, groups, series }: { title: string; groups: readonly { label: string; values: number[] }[]; series: readonly Series[] }) {
  const chart = layoutColumnChart(groups, { width: 720 });
  const base = chart.plotY + chart.plotHeight;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-label={title}>
        {chart.ticks.map((tick) => (
          <g key={tick.value}>
            <line x1={chart.plotX} x2={chart.plotX + chart.plotWidth} y1={tick.at} y2={tick.at} className="chart-grid" />
            <text x={chart.plotX - 6} y={tick.at + 4} textAnchor="end" className="chart-tick">
              {tick.value}
            </text>
          </g>
        ))}
        {chart.groups.map((g, i) => (
          <g key={g.label}>
            {g.rects
              .filter((r) => r.height > 0)
              .map((r) => (
                <rect key={r.series} x={r.x} y={r.y} width={r.width} height={r.height} fill={series[r.series]?.colour}>
                  <title>{`${g.label}: ${r.value} ${series[r.series]?.label.toLowerCase() ?? ""}`}</title>
                </rect>
              ))}
            {i % chart.labelEvery === 0 && (
              <text x={g.centre} y={base + 16} textAnchor="middle" className="chart-tick">
                {g.label}
              </text>
            )}
          </g>
        ))}
        <line x1={chart.plotX} x2={chart.plotX + chart.plotWidth} y1={base} y2={base} className="chart-axis" />
      </svg>
      <ChartLegend series={series} />
    </figure>
  );
}
