import type { CategoryNode } from '../../api/ticket-types';
import { useCategoryTree } from '../../api/tickets';

/** Whether the category (or one above it) asks for a photo of the result, as the server checks on resolve. */
export function useCategoryNeedsPhoto(code: string | null): boolean {
  const tree = useCategoryTree();
  if (!code || !tree.data) return false;
  const walk = (nodes: CategoryNode[], inherited: boolean): boolean | null => {
    for (const node of nodes) {
      const needs = inherited || node.requiresPhoto;
      if (node.code === code) return needs;
      const found = walk(node.children, needs);
      if (found !== null) return found;
    }
    return null;
  };
  return walk(tree.data.items, false) ?? false;
}
