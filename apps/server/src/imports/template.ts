import ExcelJS from 'exceljs';
import { roleChoices, statusChoices, vipChoices } from './cells';
import { importColumns, importHeaders, type ColumnKey } from './columns';
import { maxImportRows } from './limits';

export const xlsxMimeType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Two residents of one room: the second row shows how a household with several people is written. */
const examples: Record<ColumnKey, string | number>[] = [
  {
    building: '1',
    unit: '1',
    room: '101',
    area: 89.5,
    status: '已入住',
    name: '张三',
    role: '业主',
    phone: '13800138000',
    vip: '是',
    tags: '老人、独居',
    note: '周末上门服务',
  },
  { building: '1', unit: '1', room: '101', area: '', status: '', name: '李四', role: '家属', phone: '13900139000', vip: '否', tags: '', note: '' },
];

const generalNotes = [
  '每行一位住户。同一房屋有多位住户时写多行,楼栋、单元、房号相同;面积和状态以该房屋第一行为准,其余行可留空。',
  '楼栋须先在系统“楼栋房屋”中建好;单元不存在时导入会自动新建。',
  '同一楼栋单元下系统中已有的房号不能重复导入;文件中同一房屋、同一姓名也不能出现两次。',
  `一次最多 ${maxImportRows.toLocaleString('en-US')} 行,文件不超过 60 MB;支持 .xlsx 和 .csv(UTF-8 或 GBK 编码)。`,
  '上传后系统先整体校验并列出每一行的问题;全部通过后才能提交,提交要么全部写入,要么一条也不写入。',
  '只读取第一个工作表;表头须在第一行,列的顺序可以调整,多余的列会被忽略。',
];

type RangeValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

/** The .xlsx template: the roster sheet with drop-downs and text-formatted number columns, and a 说明 sheet. */
export async function templateWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '满意 Manyi';
  const sheet = workbook.addWorksheet('住户', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = importColumns.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.key === 'note' ? 30 : column.key === 'tags' || column.key === 'phone' ? 16 : 11,
    // Room and phone numbers stay text, so Excel neither drops leading zeros nor shows 1.38E+10.
    ...((column.key === 'room' || column.key === 'phone' || column.key === 'unit' || column.key === 'building') && { style: { numFmt: '@' } }),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  importColumns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: column.required ? 'FFFFE7BA' : 'FFF0F0F0' } };
    cell.note = column.help['zh-CN'];
  });
  for (const example of examples) sheet.addRow(example);

  const lastRow = maxImportRows + 1;
  const list = (key: ColumnKey, choices: string[]) => {
    const letter = String.fromCharCode(65 + importColumns.findIndex((column) => column.key === key));
    // exceljs supports range validations at run time; its typings only know the per-cell form.
    (sheet as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${choices.join(',')}"`],
      showErrorMessage: true,
      errorTitle: '取值无效',
      error: `请选择:${choices.join(' / ')}`,
    });
  };
  list('status', statusChoices);
  list('role', roleChoices);
  list('vip', vipChoices);

  const help = workbook.addWorksheet('说明');
  help.columns = [
    { header: '列名', width: 12 },
    { header: '是否必填', width: 10 },
    { header: '说明', width: 80 },
  ];
  help.getRow(1).font = { bold: true };
  for (const column of importColumns) help.addRow([column.header, column.required ? '必填' : '选填', column.help['zh-CN']]);
  help.addRow([]);
  help.addRow(['导入规则']).font = { bold: true };
  for (const note of generalNotes) help.addRow(['', '', note]);
  help.getColumn(3).alignment = { wrapText: true, vertical: 'top' };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The .csv template, UTF-8 with a byte-order mark so that Excel shows the Chinese correctly. */
export function templateCsv(): Buffer {
  const lines = [importHeaders, ...examples.map((example) => importColumns.map((column) => example[column.key]))].map((cells) => cells.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** RFC 6266 / 5987: an ASCII fallback for old clients and the UTF-8 name for everyone else. */
export function attachment(fileName: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
