import { Cascader } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryNode } from '../../api/ticket-types';
import { useCategoryTree } from '../../api/tickets';
import { useVocabulary } from '../../i18n/vocabulary';

type CascaderOption = { value: string; label: string; children?: CascaderOption[] };

function toOptions(nodes: CategoryNode[], text: (node: CategoryNode) => string): CascaderOption[] {
  return nodes.map((node) => ({ value: node.code, label: text(node), ...(node.children.length > 0 && { children: toOptions(node.children, text) }) }));
}

/** The path of codes down to `code`: 'engineering.elevator.fault' → ['engineering', 'engineering.elevator', …]. */
function pathTo(code: string | undefined): string[] {
  if (!code) return [];
  const parts = code.split('.');
  return parts.map((_part, index) => parts.slice(0, index + 1).join('.'));
}

/** Every node by code, to read a chosen category's name and default post. */
export function useCategoryIndex() {
  const tree = useCategoryTree();
  return useMemo(() => {
    const index = new Map<string, CategoryNode>();
    const walk = (nodes: CategoryNode[]) => nodes.forEach((node) => (index.set(node.code, node), walk(node.children)));
    walk(tree.data?.items ?? []);
    return index;
  }, [tree.data]);
}

type CategoryCascaderProps = {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Filters may stop at a group (工程); a ticket form may too, but leaves are offered first. */
  placeholder?: string;
  width?: number | string;
  testId?: string;
};

/** Category tree as a cascader that accepts any level and searches by name (type "漏水"). */
export function CategoryCascader({ value, onChange, placeholder, width = '100%', testId }: CategoryCascaderProps) {
  const { t } = useTranslation();
  const { text } = useVocabulary();
  const tree = useCategoryTree();
  const options = useMemo(() => toOptions(tree.data?.items ?? [], (node) => text(node.name)), [tree.data, text]);
  return (
    <Cascader
      options={options}
      value={pathTo(value)}
      onChange={(path) => onChange?.((path as string[] | undefined)?.at(-1))}
      changeOnSelect
      showSearch
      expandTrigger="hover"
      loading={tree.isPending}
      placeholder={placeholder ?? t('serviceDesk.category')}
      style={{ width }}
      data-testid={testId}
    />
  );
}
