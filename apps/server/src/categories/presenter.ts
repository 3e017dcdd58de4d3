import type { CategoryRow } from './repository';

export function presentCategory(row: CategoryRow) {
  return {
    code: row.code,
    parentCode: row.parentCode,
    name: { 'zh-CN': row.nameZh, 'en-US': row.nameEn },
    defaultPost: row.defaultPost,
    safetyCritical: row.safetyCritical,
    requiresPhoto: row.requiresPhoto,
    active: row.active,
    position: row.position,
  };
}
