import type { Label } from '@manyi/core';

/**
 * The household roster sheet: one row per resident, columns in this order. Several rows with the
 * same building/unit/room are the residents of one household. Headers are Chinese because the
 * sheet is filled in by a property office; aliases accept what clerks commonly write instead.
 */
export const importColumns = [
  {
    key: 'building',
    header: '楼栋',
    required: true,
    aliases: ['楼号', '楼栋号', '楼栋名称', '楼宇', '栋', '楼', 'building'],
    help: {
      'zh-CN': '必填。须是该项目中已建好的楼栋名称,如 1、2 或 A座;写“1栋”“1号楼”也能对应到楼栋“1”。',
      'en-US': 'Required. A building that already exists in the project.',
    },
  },
  {
    key: 'unit',
    header: '单元',
    required: false,
    aliases: ['单元号', '单元名称', 'unit'],
    help: { 'zh-CN': '选填。该楼栋下没有的单元会在导入时自动新建;“2单元”与“2”视为同一单元。', 'en-US': 'Optional. Missing units are created on import.' },
  },
  {
    key: 'room',
    header: '房号',
    required: true,
    aliases: ['房间号', '房屋编号', '门牌号', '室号', 'room'],
    help: {
      'zh-CN': '必填,最多 20 个字符,如 1201。该楼栋单元下已存在的房号不能重复导入。',
      'en-US': 'Required, at most 20 characters. Rooms that already exist cannot be imported again.',
    },
  },
  {
    key: 'area',
    header: '建筑面积',
    required: false,
    aliases: ['面积', '建筑面积(㎡)', '面积(㎡)', '建筑面积(平方米)', 'area'],
    help: { 'zh-CN': '选填。大于 0 的数字,单位平方米。', 'en-US': 'Optional. A number greater than 0, in square metres.' },
  },
  {
    key: 'status',
    header: '房屋状态',
    required: false,
    aliases: ['状态', '入住状态', 'status'],
    help: { 'zh-CN': '选填:已入住 / 空置 / 装修中,不填为已入住。', 'en-US': 'Optional: 已入住 / 空置 / 装修中; defaults to 已入住.' },
  },
  {
    key: 'name',
    header: '姓名',
    required: true,
    aliases: ['住户姓名', '业主姓名', '客户姓名', '名字', 'name'],
    help: { 'zh-CN': '必填,最多 50 个字符。', 'en-US': 'Required, at most 50 characters.' },
  },
  {
    key: 'role',
    header: '身份',
    required: false,
    aliases: ['住户身份', '住户类型', '身份类型', '关系', 'role'],
    help: { 'zh-CN': '选填:业主 / 租户 / 家属,不填为业主。', 'en-US': 'Optional: 业主 / 租户 / 家属; defaults to 业主.' },
  },
  {
    key: 'phone',
    header: '手机号',
    required: false,
    aliases: ['手机', '手机号码', '电话', '电话号码', '联系电话', '联系方式', 'phone', 'mobile'],
    help: {
      'zh-CN': '选填。11 位大陆手机号,可带 +86、空格或短横线。',
      'en-US': 'Optional. An 11-digit mainland mobile number; +86, spaces and dashes are accepted.',
    },
  },
  {
    key: 'vip',
    header: 'VIP',
    required: false,
    aliases: ['是否VIP', '重要客户', '是否重要客户'],
    help: { 'zh-CN': '选填:是 / 否,不填为否。', 'en-US': 'Optional: 是 / 否; defaults to 否.' },
  },
  {
    key: 'tags',
    header: '标签',
    required: false,
    aliases: ['住户标签', 'tags'],
    help: {
      'zh-CN': '选填。多个标签用顿号“、”或逗号分隔,每个最多 20 个字符,最多 20 个。',
      'en-US': 'Optional. Separate tags with 、 or commas; at most 20 tags of 20 characters.',
    },
  },
  {
    key: 'note',
    header: '备注',
    required: false,
    aliases: ['说明', '备注信息', 'note', 'remark'],
    help: { 'zh-CN': '选填,最多 1000 个字符。', 'en-US': 'Optional, at most 1000 characters.' },
  },
] as const satisfies readonly { key: string; header: string; required: boolean; aliases: readonly string[]; help: Label }[];

export type ColumnKey = (typeof importColumns)[number]['key'];
export type ColumnIndexes = Partial<Record<ColumnKey, number>>;

export const importHeaders: string[] = importColumns.map((column) => column.header);
export const headerOf = (key: ColumnKey): string => importColumns.find((column) => column.key === key)!.header;

/**
 * How a header cell is compared: case, spaces, a required-marker star and a bracketed unit
 * ("建筑面积(㎡)", "手机号*") do not matter.
 */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s*]/g, '')
    .replace(/\(.*\)$/, '');
}

const headerKeys = new Map<string, ColumnKey>();
for (const column of importColumns) {
  for (const name of [column.header, ...column.aliases]) headerKeys.set(normaliseHeader(name), column.key);
}

export type HeaderResult = { indexes: ColumnIndexes; missing: string[] };

/** Maps a header row to column positions. Unknown columns (e.g. 项目 in an export) are ignored; the first of two alike wins. */
export function mapHeader(cells: readonly string[]): HeaderResult {
  const indexes: ColumnIndexes = {};
  cells.forEach((cell, index) => {
    const key = headerKeys.get(normaliseHeader(cell));
    if (key && indexes[key] === undefined) indexes[key] = index;
  });
  const missing = importColumns.filter((column) => column.required && indexes[column.key] === undefined).map((column) => column.header);
  return { indexes, missing };
}
