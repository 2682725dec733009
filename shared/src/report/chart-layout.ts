/**
 * Chart geometry for moderation reports, shared by the HTML report (SVG strings, no scripts) and
 * the dashboard's Reports page (React SVG), so both draw the same figures the same way. Pure
 * numbers in, rectangles out: no DOM, no escaping (each renderer escapes its labels).
 */

/** One rectangle of a chart, in SVG user units. */
export interface ChartRect {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Which series the rectangle draws (index into the chart's series). */
  series: number;
  value: number;
}

/** An axis mark: where it is drawn and the number it reads. */
export interface ChartTick {
  at: number;
  value: number;
}

/** The smallest "round" maximum (1, 2, 2.5, 5 × 10ⁿ) at or above `max`, and ticks up to it. */
export function niceScale(max: number, count = 4): { max: number; ticks: number[] } {
  if (!(max > 0)) return { max: 1, ticks: [0, 1] };
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough && (s >= 1 || Number.isInteger(1 / s)))!;
  const whole = Math.max(1, Math.ceil(step));
  const top = Math.ceil(max / whole) * whole;
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += whole) ticks.push(v);
  return { max: top, ticks };
}

export interface BarRow {
  label: string;
  /** One value per series, stacked left to right. */
  values: number[];
}

export interface BarChartLayout {
  width: number;
  height: number;
  /** Left edge of the bars (labels are right-aligned before it). */
  plotX: number;
  plotWidth: number;
  rows: { label: string; y: number; total: number; rects: ChartRect[] }[];
  ticks: ChartTick[];
  rowHeight: number;
}

/** Horizontal stacked bars, one row per label (e.g. flags by category split by status). */
export function layoutBarChart(rows: readonly BarRow[], options: { width?: number; rowHeight?: number; labelWidth?: number } = {}): BarChartLayout {
  const width = options.width ?? 640;
  const rowHeight = options.rowHeight ?? 28;
  const plotX = options.labelWidth ?? 150;
  const plotWidth = width - plotX - 56; // room for the total after the bar
  const scale = niceScale(Math.max(0, ...rows.map((r) => sum(r.values))));
  const unit = plotWidth / scale.max;
  const laidOut = rows.map((row, i) => {
    let x = plotX;
    const y = 8 + i * rowHeight;
    const rects = row.values.map((value, series) => {
      const rect = { x, y: y + 4, width: value * unit, height: rowHeight - 8, series, value };
      x += value * unit;
      return rect;
    });
    return { label: row.label, y, total: sum(row.values), rects: rects.filter((r) => r.value > 0) };
  });
  return {
    width,
    height: 8 + rows.length * rowHeight + 22,
    plotX,
    plotWidth,
    rows: laidOut,
    ticks: scale.ticks.map((value) => ({ at: plotX + value * unit, value })),
    rowHeight,
  };
}

export interface ColumnChartLayout {
  width: number;
  height: number;
  plotX: number;
  plotY: number;
  plotWidth: number;
  plotHeight: number;
  /** One group per bucket: its label, the centre of the group and one column per series. */
  groups: { label: string; centre: number; rects: ChartRect[] }[];
  ticks: ChartTick[];
  /** Show every n-th label so labels never overlap. */
  labelEvery: number;
}

/** Grouped vertical columns over time (e.g. comments and removals per day). */
export function layoutColumnChart(
  groups: readonly { label: string; values: number[] }[],
  options: { width?: number; height?: number } = {},
): ColumnChartLayout {
  const width = options.width ?? 640;
  const height = options.height ?? 220;
  const plotX = 44;
  const plotY = 10;
  const plotWidth = width - plotX - 10;
  const plotHeight = height - plotY - 34;
  const scale = niceScale(Math.max(0, ...groups.flatMap((g) => g.values)));
  const slot = groups.length > 0 ? plotWidth / groups.length : plotWidth;
  const series = Math.max(1, ...groups.map((g) => g.values.length));
  const columnWidth = Math.max(1, (slot * 0.8) / series);
  const laidOut = groups.map((g, i) => {
    const left = plotX + i * slot + slot * 0.1;
    const rects = g.values.map((value, s) => {
      const h = (value / scale.max) * plotHeight;
      return { x: left + s * columnWidth, y: plotY + plotHeight - h, width: columnWidth, height: h, series: s, value };
    });
    return { label: g.label, centre: plotX + i * slot + slot / 2, rects };
  });
  return {
    width,
    height,
    plotX,
    plotY,
    plotWidth,
    plotHeight,
    groups: laidOut,
    ticks: scale.ticks.map((value) => ({ at: plotY + plotHeight - (value / scale.max) * plotHeight, value })),
    labelEvery: Math.max(1, Math.ceil(groups.length / Math.max(1, Math.floor(plotWidth / 70)))),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** The status series every report chart stacks, in drawing order, with colours readable in print. */
export const STATUS_SERIES = [
  { key: "removed", label: "Removed", colour: "#b3261e" },
  { key: "approved", label: "Approved", colour: "#2e7d32" },
  { key: "pending", label: "Pending", colour: "#8a94a6" },
] as const;

/** Timeline series: comments that arrived, then the decisions on them. */
export const TIMELINE_SERIES = [
  { key: "comments", label: "Comments", colour: "#3f6fb5" },
  { key: "approved", label: "Approved", colour: "#2e7d32" },
  { key: "removed", label: "Removed", colour: "#b3261e" },
] as const;
