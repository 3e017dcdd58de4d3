import type { Label } from '@manyi/core';
import { maxImportRows } from './limits';

/** The reasons a row is refused; stable codes for programs, both languages for people. */
export type RowErrorCode =
  | 'missing_field'
  | 'unknown_building'
  | 'duplicate_room'
  | 'bad_phone'
  | 'invalid_value'
  | 'too_long'
  | 'conflicting_household'
  | 'too_many_rows'
  | 'unreadable';

/** One refused row as stored in import_jobs.errors: both languages, localised when read. */
export type StoredRowError = { row: number; column: string | null; code: RowErrorCode; messages: Label };

const quote = (value: string) => `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;
const thousands = (value: number) => value.toLocaleString('en-US');

export const rowMessages = {
  missingField: (column: string): Label => ({ 'zh-CN': `${column}为必填项`, 'en-US': `${column} is required` }),
  unknownBuilding: (name: string): Label => ({
    'zh-CN': `楼栋${quote(name)}在该项目中不存在,请先在“楼栋房屋”中建好楼栋`,
    'en-US': `Building ${quote(name)} does not exist in this project; create it first`,
  }),
  roomExists: (label: string): Label => ({ 'zh-CN': `房屋 ${label} 已存在,不能重复导入`, 'en-US': `Room ${label} already exists` }),
  repeatedRow: (row: number): Label => ({
    'zh-CN': `与第 ${row} 行重复(同一房屋、同一姓名)`,
    'en-US': `Repeats row ${row} (same room and same name)`,
  }),
  badPhone: (value: string): Label => ({
    'zh-CN': `手机号${quote(value)}不是有效的 11 位手机号`,
    'en-US': `${quote(value)} is not a valid 11-digit mainland mobile number`,
  }),
  invalidValue: (column: string, value: string, options: string): Label => ({
    'zh-CN': `${column}${quote(value)}无效,可填:${options}`,
    'en-US': `${column} ${quote(value)} is invalid; use one of: ${options}`,
  }),
  invalidArea: (value: string): Label => ({
    'zh-CN': `建筑面积${quote(value)}须为大于 0 的数字`,
    'en-US': `Area ${quote(value)} must be a number greater than 0`,
  }),
  tooLong: (column: string, max: number): Label => ({ 'zh-CN': `${column}最多 ${max} 个字符`, 'en-US': `${column} is at most ${max} characters` }),
  tooManyTags: (max: number): Label => ({ 'zh-CN': `标签最多 ${max} 个`, 'en-US': `At most ${max} tags` }),
  conflictingHousehold: (column: string, row: number): Label => ({
    'zh-CN': `同一房屋的${column}与第 ${row} 行不一致(同一房屋多行时以第一行为准,其余行可留空)`,
    'en-US': `${column} differs from row ${row} for the same room (later rows may leave it empty)`,
  }),
  tooManyRows: (): Label => ({
    'zh-CN': `数据超过 ${thousands(maxImportRows)} 行的上限,请拆分成多个文件分批导入`,
    'en-US': `More than ${thousands(maxImportRows)} rows; split the file and import it in parts`,
  }),
  unreadable: (row: number): Label => ({
    'zh-CN': `文件从第 ${row} 行起无法读取(文件可能已损坏),请用 Excel 重新保存后再导入`,
    'en-US': `The file cannot be read from row ${row} on (it may be damaged); save it again in Excel`,
  }),
  emptyFile: (): Label => ({ 'zh-CN': '文件中没有数据行(只有表头或为空)', 'en-US': 'The file has no data rows (only a header, or nothing)' }),
};

/** Problems with the file as a whole, answered at upload. */
export const fileMessages = {
  not_a_spreadsheet: {
    'zh-CN': '文件不是有效的 .xlsx 或 .csv 表格,请使用导入模板',
    'en-US': 'The file is not a valid .xlsx or .csv spreadsheet; please use the import template',
  },
  legacy_xls: {
    'zh-CN': '不支持旧版 .xls 格式,请在 Excel 中“另存为” .xlsx 后再导入',
    'en-US': 'Old .xls files are not supported; save the file as .xlsx in Excel and try again',
  },
  missing_columns: { 'zh-CN': '表头缺少必填列', 'en-US': 'The header row lacks required columns' },
  empty_import: rowMessages.emptyFile(),
  too_many_rows: rowMessages.tooManyRows(),
  file_too_large: { 'zh-CN': '文件超过 60 MB 上限,请拆分后分批导入', 'en-US': 'The file exceeds the 60 MB limit; split it and import it in parts' },
  spreadsheet_too_large: {
    'zh-CN': '表格解压后过大(内容、共享文本、行数或列数超出上限),未读取;请删除多余的工作表、行和列,或拆分成多个文件后再导入',
    'en-US':
      'The spreadsheet is too large once unpacked (content, shared strings, rows or columns over the limit) and was not read; remove extra sheets, rows and columns or split the file',
  },
  file_required: { 'zh-CN': '请选择要导入的文件', 'en-US': 'Choose a file to import' },
  unknown_project: { 'zh-CN': '项目不存在', 'en-US': 'Unknown project' },
  import_not_validated: {
    'zh-CN': '只有校验通过的导入才能提交',
    'en-US': 'Only an import that passed validation can be committed',
  },
} satisfies Record<string, Label>;

export const missingColumn = (header: string): Label => ({ 'zh-CN': `缺少“${header}”列`, 'en-US': `Column “${header}” is missing` });

/** Why a job failed; job.failure stores the code and is localised when read. */
export const failureMessages = {
  changed_since_validation: {
    'zh-CN': '提交时数据已发生变化(例如房屋已被他人录入或楼栋被删除),导入已整体撤销,未写入任何数据;请修正后重新上传',
    'en-US': 'The data changed after validation (e.g. a room was added or a building deleted); nothing was written. Fix the file and upload it again',
  },
  interrupted: {
    'zh-CN': '导入进行中服务器重启,已中止,未写入任何数据;请重新上传',
    'en-US': 'The server restarted while the import was running; it was stopped and nothing was written. Upload the file again',
  },
  internal: {
    'zh-CN': '导入时发生内部错误,已整体撤销,未写入任何数据;请稍后重试',
    'en-US': 'An internal error stopped the import; nothing was written. Please try again later',
  },
} satisfies Record<string, Label>;

export type FailureCode = keyof typeof failureMessages;
