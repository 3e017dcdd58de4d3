import { HttpProblem } from '../http/problem';
import { mapHeader, type ColumnIndexes } from './columns';
import { fileMessages, missingColumn } from './messages';
import { isBlankRow, readSheetRows, SheetLimitError, SheetReadError, type ImportFormat, type SheetRow } from './reader';

export type OpenedSheet = {
  indexes: ColumnIndexes;
  /** The data rows after the header, blank rows skipped, read on demand from the same stream. */
  dataRows: AsyncGenerator<SheetRow>;
  /** Stops reading and releases the file. */
  close(): Promise<void>;
};

const unreadable = () => new HttpProblem(400, 'not_a_spreadsheet', fileMessages.not_a_spreadsheet);
export const tooLarge = () => new HttpProblem(413, 'spreadsheet_too_large', fileMessages.spreadsheet_too_large);

/**
 * Reads the header row and peeks at the first data row, so that a file with the wrong columns or
 * without data is refused while the uploader waits (400), and everything else is read once, in
 * the background, from the same stream.
 */
export async function openSheet(path: string, format: ImportFormat): Promise<OpenedSheet> {
  const rows = readSheetRows(path, format);
  const next = async (): Promise<SheetRow | undefined> => {
    for (;;) {
      const result = await rows.next();
      if (result.done) return undefined;
      if (!isBlankRow(result.value.cells)) return result.value;
    }
  };
  let header: SheetRow | undefined;
  let first: SheetRow | undefined;
  try {
    header = await next();
    if (!header) throw new HttpProblem(400, 'empty_import', fileMessages.empty_import);
    const { indexes, missing } = mapHeader(header.cells);
    if (missing.length > 0) {
      throw new HttpProblem(
        400,
        'missing_columns',
        fileMessages.missing_columns,
        missing.map((column) => ({ field: column, messages: missingColumn(column) })),
      );
    }
    first = await next();
    if (!first) throw new HttpProblem(400, 'empty_import', fileMessages.empty_import);
    const peeked = first;
    async function* dataRows(): AsyncGenerator<SheetRow> {
      yield peeked;
      for (;;) {
        const row = await next();
        if (!row) return;
        yield row;
      }
    }
    return { indexes, dataRows: dataRows(), close: async () => void (await rows.return(undefined)) };
  } catch (error) {
    await rows.return(undefined);
    if (error instanceof SheetLimitError) throw tooLarge();
    if (error instanceof SheetReadError) throw unreadable();
    throw error;
  }
}
