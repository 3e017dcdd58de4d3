/**
 * The first sheet of an uploaded .xlsx read as rows of named text cells, the columns found by
 * their header (any of several names each) — shared by the fee and the arrears imports.
 */
import type { MultipartFile } from '@fastify/multipart';
import ExcelJS from 'exceljs';
import { HttpProblem } from '../http/problem';
import { cellText } from '../imports/reader';

export async function readHeaderedSheet<F extends string>(
  file: MultipartFile,
  headers: Record<F, string[]>,
  required: readonly F[],
  maxRows: number,
): Promise<({ row: number } & Record<F, string>)[]> {
  if (!file.filename.toLowerCase().endsWith('.xlsx'))
    throw new HttpProblem(415, 'unsupported_media_type', { 'zh-CN': '请上传 .xlsx 文件', 'en-US': 'Upload an .xlsx file' });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load((await file.toBuffer()) as unknown as ArrayBuffer);
  } catch {
    throw new HttpProblem(422, 'validation', { 'zh-CN': '无法读取该 .xlsx 文件', 'en-US': 'The .xlsx file cannot be read' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new HttpProblem(422, 'validation', { 'zh-CN': '文件中没有工作表', 'en-US': 'The file has no sheet' });
  const headerCells = ((sheet.getRow(1).values as unknown[]) ?? []).map((value) => cellText(value).trim().toLowerCase());
  const fields = Object.keys(headers) as F[];
  const columnOf = Object.fromEntries(
    fields.map((field) => [field, headerCells.findIndex((cell) => headers[field].some((name) => cell === name.toLowerCase()))]),
  ) as Record<F, number>;
  const missing = required.filter((field) => columnOf[field] < 0);
  if (missing.length > 0)
    throw new HttpProblem(422, 'validation', {
      'zh-CN': `缺少列：${missing.map((field) => headers[field][0]).join('、')}`,
      'en-US': `Missing columns: ${missing.join(', ')}`,
    });
  const rows: ({ row: number } & Record<F, string>)[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1 || rows.length >= maxRows) return;
    const cells = Object.fromEntries(
      fields.map((field) => [field, columnOf[field] < 0 ? '' : cellText((row.values as unknown[])[columnOf[field]]).trim()]),
    ) as Record<F, string>;
    rows.push({ row: number, ...cells });
  });
  return rows;
}
