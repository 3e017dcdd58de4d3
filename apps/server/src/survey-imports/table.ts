import { isBlankRow, readSheetRows, SheetReadError, type ImportFormat, type SheetRow } from '../imports/reader';

export type OpenedTable = {
  headers: string[];
  /** Data rows after the header, blank rows skipped, numbered as the spreadsheet shows them. */
  rows: AsyncGenerator<SheetRow>;
  close(): Promise<void>;
};

export class EmptyTableError extends Error {}

/**
 * The first non-blank row is the header (exports such as 问卷星's have exactly one). Uses the
 * household import's streaming reader, so .xlsx, UTF-8 and GBK .csv read the same everywhere.
 * Throws SheetReadError for a file that is not a spreadsheet, EmptyTableError for one without a header.
 */
export async function openTable(path: string, format: ImportFormat): Promise<OpenedTable> {
  const source = readSheetRows(path, format);
  let header: SheetRow | undefined;
  try {
    for (let next = await source.next(); !next.done; next = await source.next()) {
      if (!isBlankRow(next.value.cells)) {
        header = next.value;
        break;
      }
    }
  } catch (error) {
    await source.return(undefined);
    throw error instanceof SheetReadError ? error : new SheetReadError(1, error);
  }
  if (!header) {
    await source.return(undefined);
    throw new EmptyTableError('no header row');
  }
  async function* rows(): AsyncGenerator<SheetRow> {
    for await (const row of source) if (!isBlankRow(row.cells)) yield row;
  }
  return { headers: header.cells, rows: rows(), close: async () => void (await source.return(undefined)) };
}
