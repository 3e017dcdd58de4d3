import { householdStatuses, personRoles, type Label } from '@manyi/core';

/**
 * Cell parsers for the roster sheet. Each returns the parsed value, or `invalid` when the cell is
 * filled but unusable; an empty cell returns null so the caller applies its default.
 */
export const invalid = Symbol('invalid');
export type Parsed<T> = T | null | typeof invalid;

function lookup<T extends string>(vocabulary: { values: readonly T[]; labels: Record<T, Label> }, extra: Record<string, T> = {}) {
  const byText = new Map<string, T>(Object.entries(extra));
  for (const value of vocabulary.values) {
    byText.set(value, value);
    byText.set(vocabulary.labels[value]['zh-CN'], value);
    byText.set(vocabulary.labels[value]['en-US'].toLowerCase(), value);
  }
  return (text: string): Parsed<T> => (text === '' ? null : (byText.get(text.toLowerCase()) ?? invalid));
}

export const parseStatus = lookup(householdStatuses, {
  入住: 'occupied',
  已住: 'occupied',
  自住: 'occupied',
  空房: 'vacant',
  未入住: 'vacant',
  装修: 'decorating',
});
export const parseRole = lookup(personRoles, {
  业主本人: 'owner',
  产权人: 'owner',
  房东: 'owner',
  租客: 'tenant',
  承租人: 'tenant',
  家人: 'family',
  家庭成员: 'family',
  成员: 'family',
});

/** The labels a clerk types, as listed in error messages and the template's drop-downs. */
export const statusChoices = householdStatuses.values.map((value) => householdStatuses.labels[value]['zh-CN']);
export const roleChoices = personRoles.values.map((value) => personRoles.labels[value]['zh-CN']);
export const vipChoices = ['是', '否'];

const yes = new Set(['是', 'y', 'yes', 'true', '1', 'vip', '√', '✓']);
const no = new Set(['否', 'n', 'no', 'false', '0', '非vip', '×', '-']);

export function parseVip(text: string): Parsed<boolean> {
  if (text === '') return null;
  const lower = text.toLowerCase();
  if (yes.has(lower)) return true;
  if (no.has(lower)) return false;
  return invalid;
}

/** Square metres; a unit written after the number (㎡, m², 平方米) is allowed. */
export function parseArea(text: string): Parsed<number> {
  if (text === '') return null;
  const bare = text
    .normalize('NFKC')
    .replace(/\s|,/g, '')
    .replace(/(m2|m²|平方米|平米|平方)$/i, '');
  if (!/^\d+(\.\d+)?$/.test(bare)) return invalid;
  const area = Number(bare);
  return area > 0 && area <= 100_000 ? Math.round(area * 100) / 100 : invalid;
}

export function parseTags(text: string): string[] {
  if (text === '') return [];
  return [
    ...new Set(
      text
        .split(/[、,,;;|]/)
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
    ),
  ];
}

/** 1栋, 1号楼, 1幢 and 1 name the same building; a unit written 2单元 is unit 2. */
export function canonicalBuildingName(name: string): string {
  return name.normalize('NFKC').replace(/^(\d+)(栋|号楼|幢|号|座)$/, '$1');
}

export function canonicalUnitName(name: string): string {
  return name.normalize('NFKC').replace(/^(\d+)(单元|单元号)$/, '$1');
}
