import { describe, expect, it } from "vitest";
import { layoutBarChart, layoutColumnChart, niceScale } from "./chart-layout";

describe("niceScale", () => {
  it.each([
    [0, 1, [0, 1]],
    [3, 3, [0, 1, 2, 3]],
    [9, 9, [0, 3, 6, 9]],
    [1234, 1500, [0, 500, 1000, 1500]],
  ])("rounds a maximum of %s up to %s", (max, top, ticks) => {
    expect(niceScale(max)).toEqual({ max: top, ticks });
  });
});

describe("layoutBarChart", () => {
  it("stacks each row's values left to right in proportion, dropping empty segments", () => {
    const chart = layoutBarChart([{ label: "a", values: [2, 0, 1] }, { label: "b", values: [0, 0, 0] }], { width: 400, labelWidth: 100 });
    const [a, b] = chart.rows;
    expect(a!.total).toBe(3);
    expect(a!.rects.map((r) => r.series)).toEqual([0, 2]);
    expect(a!.rects[0]!.x).toBe(100);
    expect(a!.rects[1]!.x).toBeCloseTo(100 + a!.rects[0]!.width);
    expect(a!.rects[0]!.width).toBeCloseTo(2 * a!.rects[1]!.width);
    expect(a!.rects[0]!.width + a!.rects[1]!.width).toBeCloseTo(chart.plotWidth);
    expect(b!.rects).toEqual([]);
    expect(chart.ticks.at(-1)!.at).toBeCloseTo(chart.plotX + chart.plotWidth);
  });
});

describe("layoutColumnChart", () => {
  it("puts the largest column at the top of the plot and zero on the axis", () => {
    const chart = layoutColumnChart([{ label: "x", values: [4, 0] }, { label: "y", values: [2, 1] }], { width: 300, height: 200 });
    const [x, y] = chart.groups;
    expect(x!.rects[0]!.y).toBeCloseTo(chart.plotY);
    expect(x!.rects[1]!.height).toBe(0);
    expect(y!.rects[0]!.height).toBeCloseTo(chart.plotHeight / 2);
    expect(y!.centre).toBeGreaterThan(x!.centre);
  });

  it("thins labels so they never crowd", () => {
    const many = Array.from({ length: 90 }, (_, i) => ({ label: String(i), values: [i] }));
    const chart = layoutColumnChart(many, { width: 640 });
    expect(chart.labelEvery).toBeGreaterThan(1);
    expect(Math.ceil(many.length / chart.labelEvery) * 70).toBeLessThanOrEqual(chart.plotWidth + 70);
  });
});
