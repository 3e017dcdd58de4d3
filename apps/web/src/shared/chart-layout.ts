/**
 * The plot area of every console chart (issue 15 §6: axis labels not clipped): the grid grows inward to
 * hold its axis labels whatever their language or length, instead of a fixed margin that fits Chinese
 * month names and clips "Cleaning & landscaping" or a rotated building name. e2e/english-mode.e2e.ts checks that no
 * chart inks the outer columns of its canvas, where a cut label would show.
 */
export function labelledGrid(edges: { left?: number; right?: number; top?: number; bottom?: number } = {}) {
  // ECharts 6: the grid shrinks until its axis labels AND axis names fit inside these edges (containLabel held
  // only the labels, so a y-axis name such as "Performance (0–100)" was cut at the canvas's edge).
  return { left: 8, right: 16, top: 24, bottom: 8, outerBoundsMode: 'same' as const, outerBoundsContain: 'all' as const, ...edges };
}

/** A category axis whose names can be long: cut to a width with an ellipsis, the whole name in the tooltip. */
export const longCategoryLabel = { width: 110, overflow: 'truncate' as const };
