import type { IndicatorTreeNode } from '@manyi/core';

/** Position of a node: indices from the top level down. */
export type NodePath = number[];

/** Sum of sibling weights, rounded for display (33.3 + 33.3 + 33.4 shows as 100). */
export const levelSum = (nodes: readonly IndicatorTreeNode[]) =>
  Math.round(nodes.reduce((sum, node) => sum + (Number.isFinite(node.weight) ? node.weight : 0), 0) * 1000) / 1000;
/** The server's tolerance (validateIndicatorWeights) is 1e-6; the editor uses the same. */
export const sumIsValid = (nodes: readonly IndicatorTreeNode[]) => nodes.length === 0 || Math.abs(levelSum(nodes) - 100) <= 1e-6;

export function updateAt(
  tree: readonly IndicatorTreeNode[],
  path: NodePath,
  update: (node: IndicatorTreeNode) => IndicatorTreeNode | null,
): IndicatorTreeNode[] {
  const [head, ...rest] = path;
  return tree.flatMap((node, index) => {
    if (index !== head) return [node];
    if (rest.length === 0) {
      const next = update(node);
      return next ? [next] : [];
    }
    const children = updateAt(node.children ?? [], rest, update);
    return [{ ...node, children: children.length > 0 ? children : undefined }];
  });
}

/** A new child under `parent` (or a new dimension), with a code derived from the parent's so it stays unique. */
export function newNode(siblings: readonly IndicatorTreeNode[], parent?: IndicatorTreeNode): IndicatorTreeNode {
  const taken = new Set(siblings.map((node) => node.code));
  let index = siblings.length + 1;
  const code = (n: number) => (parent ? `${parent.code}.item_${n}` : `dimension_${n}`);
  while (taken.has(code(index))) index += 1;
  return { code: code(index), name: { 'zh-CN': '', 'en-US': '' }, weight: 0, ...(parent?.post ? { post: parent.post } : {}) };
}

/** The server's field path of a node ("tree.2.children.0"), to match its error messages. */
export const fieldOf = (path: NodePath) => ['tree', ...path.flatMap((index, depth) => (depth === 0 ? [String(index)] : ['children', String(index)]))].join('.');
