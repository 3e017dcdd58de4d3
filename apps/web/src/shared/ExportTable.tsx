import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Flex, Table, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { isValidElement, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The text a rendered cell shows: strings and numbers inside elements (Tag, Link, Typography, Tooltip's child…), joined. */
export function nodeText(node: unknown): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'bigint') return String(node);
  if (Array.isArray(node)) return node.map(nodeText).join('');
  if (isValidElement(node)) return nodeText((node.props as { children?: ReactNode }).children);
  // A cell render may return { children, props } (antd RenderedCell).
  if (typeof node === 'object' && 'children' in node) return nodeText((node as { children: unknown }).children);
  return '';
}

type Cell = string | number | null;

function valueAt(row: unknown, dataIndex: ColumnType<unknown>['dataIndex']): unknown {
  const path = dataIndex === undefined ? [] : Array.isArray(dataIndex) ? dataIndex : [dataIndex];
  return path.reduce<unknown>(
    (value, key) => (value && typeof value === 'object' ? (value as Record<string | number, unknown>)[key as string] : undefined),
    row,
  );
}

/**
 * The table's rows as the reader sees them, every page: each column's title and the text its
 * render shows (or the raw value where it has none, numbers kept as numbers).
 */
export function tableRows<T>(columns: readonly ColumnType<T>[], rows: readonly T[]): { header: string[]; body: Cell[][] } {
  const shown = columns.filter((column) => column.title !== undefined && column.title !== '');
  return {
    header: shown.map((column) => nodeText(typeof column.title === 'function' ? column.title({}) : column.title)),
    body: rows.map((row, index) =>
      shown.map((column) => {
        const raw = valueAt(row, column.dataIndex as ColumnType<unknown>['dataIndex']);
        if (!column.render) return typeof raw === 'number' ? raw : nodeText(raw);
        const text = nodeText(column.render(raw, row, index));
        return text === '' ? null : text;
      }),
    ),
  };
}

/** Writes the rows to an .xlsx (exceljs, loaded only when someone exports) and has the browser save it. */
export async function downloadXlsx(fileName: string, sheetName: string, header: string[], body: Cell[][]): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31).replace(/[\\/*?:[\]]/g, ' ') || 'Sheet1');
  sheet.addRow(header).font = { bold: true };
  for (const row of body) sheet.addRow(row);
  sheet.columns.forEach((column, index) => {
    const widest = Math.max(...[header[index] ?? '', ...body.map((row) => String(row[index] ?? ''))].map((text) => [...text].length * 1.6));
    column.width = Math.min(60, Math.max(8, widest));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  const url = URL.createObjectURL(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${fileName}.xlsx`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type ExportTableProps<T> = TableProps<T> & {
  /** The file name (without .xlsx) and sheet name of the export. */
  exportName: string;
};

/**
 * An antd Table with an "导出 Excel" button (issue 16 §6: every table exports to .xlsx): the one
 * mechanism every analytics table uses. It exports every row of `dataSource` (not only the page
 * shown) under the columns' titles, each cell as its render shows it.
 */
export function ExportTable<T extends object>({ exportName, columns, dataSource, ...props }: ExportTableProps<T>) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const testId = (props as { 'data-testid'?: string })['data-testid'];
  const exportRows = async () => {
    setBusy(true);
    try {
      const { header, body } = tableRows((columns ?? []) as ColumnType<T>[], dataSource ?? []);
      await downloadXlsx(exportName, exportName, header, body);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex vertical gap={4}>
      <Flex justify="flex-end">
        <Button
          size="small"
          type="text"
          icon={<FileExcelOutlined />}
          loading={busy}
          disabled={!dataSource?.length}
          onClick={() => void exportRows()}
          data-testid={testId ? `${testId}-export` : 'table-export'}
        >
          {t('common.exportXlsx')}
        </Button>
      </Flex>
      <Table<T> columns={columns} dataSource={dataSource} {...props} />
    </Flex>
  );
}
