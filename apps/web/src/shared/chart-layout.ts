/**
 * The plot area of every console chart (issue 15 §6: axis labels not clipped): the grid grows inward to
 * hold its axis labels whatever their language or length, instead of a fixed margin that fits Chinese
 * month names and clips "Cleaning & landscaping" or a rotated building name.
 */
export function labelledGrid(edges: { left?: number; right?: number; top?: number; bottom?: number } = {}) {
  return { left: 8, right: 16, top: 24, bottom: 8, containLabel: true, ...edges };
}

/** A category axis whose names can be long: cut to a width with an ellipsis, the whole name in the tooltip. */
export const longCategoryLabel = { width: 110, overflow: 'truncate' as const };
