import { layoutBarChart, layoutColumnChart, type BarRow } from "@sift/shared";
import { escapeHtml } from "./escape";

/** A series as a chart draws it: legend label and fill. */
export interface SvgSeries {
  label: string;
  colour: string;
}

const n = (v: number): string => (Math.round(v * 10) / 10).toString();

/** The legend under a chart: a swatch and a label per series. */
export function renderLegend(series: readonly SvgSeries[]): string {
  return `<p class="legend">${series
    .map((s) => `<span><svg width="10" height="10" aria-hidden="true"><rect width="10" height="10" fill="${escapeHtml(s.colour)}"/></svg> ${escapeHtml(s.label)}</span>`)
    .join(" ")}</p>`;
}

/**
 * Horizontal stacked bars as inline SVG: a label, one segment per series and the row's total.
 * Each segment carries a <title> so a reader hovering in a browser sees its exact value.
 */
export function renderBarChart(title: string, rows: readonly BarRow[], series: readonly SvgSeries[]): string {
  const chart = layoutBarChart(rows);
  const bottom = chart.height - 18;
  const parts: string[] = [];
  for (const tick of chart.ticks) {
    parts.push(`<line x1="${n(tick.at)}" x2="${n(tick.at)}" y1="4" y2="${n(bottom)}" class="grid"/>`);
    parts.push(`<text x="${n(tick.at)}" y="${n(bottom + 14)}" text-anchor="middle" class="tick">${tick.value}</text>`);
  }
  for (const row of chart.rows) {
    const mid = row.y + chart.rowHeight / 2 + 4;
    parts.push(`<text x="${n(chart.plotX - 8)}" y="${n(mid)}" text-anchor="end">${escapeHtml(row.label)}</text>`);
    for (const r of row.rects) {
      const s = series[r.series];
      parts.push(
        `<rect x="${n(r.x)}" y="${n(r.y)}" width="${n(r.width)}" height="${n(r.height)}" fill="${escapeHtml(s?.colour ?? "#888")}"><title>${escapeHtml(`${row.label}: ${r.value} ${s?.label.toLowerCase() ?? ""}`)}</title></rect>`,
      );
    }
    const end = row.rects.length ? row.rects[row.rects.length - 1]! : undefined;
    parts.push(`<text x="${n((end ? end.x + end.width : chart.plotX) + 6)}" y="${n(mid)}" class="total">${row.total}</text>`);
  }
  return `<svg class="chart" viewBox="0 0 ${chart.width} ${chart.height}" role="img" aria-label="${escapeHtml(title)}">${parts.join("")}</svg>${renderLegend(series)}`;
}

/** Grouped columns over time as inline SVG, with a value axis and bucket labels that never overlap. */
export function renderColumnChart(title: string, groups: readonly { label: string; values: number[] }[], series: readonly SvgSeries[]): string {
  const chart = layoutColumnChart(groups);
  const parts: string[] = [];
  for (const tick of chart.ticks) {
    parts.push(`<line x1="${chart.plotX}" x2="${n(chart.plotX + chart.plotWidth)}" y1="${n(tick.at)}" y2="${n(tick.at)}" class="grid"/>`);
    parts.push(`<text x="${chart.plotX - 6}" y="${n(tick.at + 4)}" text-anchor="end" class="tick">${tick.value}</text>`);
  }
  chart.groups.forEach((g, i) => {
    for (const r of g.rects) {
      if (r.height <= 0) continue;
      const s = series[r.series];
      parts.push(
        `<rect x="${n(r.x)}" y="${n(r.y)}" width="${n(r.width)}" height="${n(r.height)}" fill="${escapeHtml(s?.colour ?? "#888")}"><title>${escapeHtml(`${g.label}: ${r.value} ${s?.label.toLowerCase() ?? ""}`)}</title></rect>`,
      );
    }
    if (i % chart.labelEvery === 0) {
      parts.push(`<text x="${n(g.centre)}" y="${n(chart.plotY + chart.plotHeight + 16)}" text-anchor="middle" class="tick">${escapeHtml(g.label)}</text>`);
    }
  });
  parts.push(`<line x1="${chart.plotX}" x2="${n(chart.plotX + chart.plotWidth)}" y1="${n(chart.plotY + chart.plotHeight)}" y2="${n(chart.plotY + chart.plotHeight)}" class="axis"/>`);
  return `<svg class="chart" viewBox="0 0 ${chart.width} ${chart.height}" role="img" aria-label="${escapeHtml(title)}">${parts.join("")}</svg>${renderLegend(series)}`;
}
