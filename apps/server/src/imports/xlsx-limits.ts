import { promisify } from 'node:util';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/**
 * An .xlsx is a zip of XML, and XML compresses a thousandfold: a 1.1 MB upload unpacked to about
 * a gigabyte, and exceljs keeps every shared string in memory while it reads. These bounds sit
 * far above any real roster or questionnaire export (200,000 rows of a dozen columns unpack to
 * ~150 MB of sheet XML) and far below what hurts a 1 GB server.
 */
export type XlsxLimits = {
  /** All entries together, as inflated. */
  uncompressedBytes: number;
  /** xl/sharedStrings.xml, which exceljs caches whole. */
  sharedStringsBytes: number;
  /** <si> elements in xl/sharedStrings.xml. */
  sharedStrings: number;
  /** Entries in the zip (a workbook has a dozen or so). */
  entries: number;
  /** Cells per row, as exceljs spreads them (a cell in column XFD makes a row of 16,384). */
  columns: number;
};

export const defaultXlsxLimits: XlsxLimits = {
  uncompressedBytes: 512 * 1024 * 1024,
  sharedStringsBytes: 64 * 1024 * 1024,
  sharedStrings: 2_000_000,
  entries: 1_000,
  columns: 1_000,
};

export type XlsxLimit = keyof XlsxLimits | 'rows';

/** The file stopped making sense part-way (a broken zip, an unclosed quote). */
export class SheetReadError extends Error {
  readonly row: number;
  constructor(row: number, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.row = row;
  }
}

/**
 * The workbook is larger than we agree to read: raised before exceljs sees it (or, for rows and
 * columns, as soon as the reader passes the limit). A SheetReadError, so every reader stops on it.
 */
export class SheetLimitError extends SheetReadError {
  readonly limit: XlsxLimit;
  constructor(limit: XlsxLimit, detail: string, row = 1) {
    super(row, `spreadsheet exceeds the ${limit} limit (${detail})`);
    this.limit = limit;
  }
}

const openZip = promisify<string, yauzl.Options, ZipFile>(yauzl.open);

const sharedStringsName = 'xl/sharedStrings.xml';
const siOpen = Buffer.from('<si>');

/**
 * Inflates every entry once, counting bytes, before exceljs reads anything. The sizes a zip
 * declares can lie, so they are only the first check: yauzl refuses an entry that inflates past
 * its declared size, and the running count stops the pass at the limit whatever the headers say.
 */
export async function checkXlsxLimits(path: string, limits: XlsxLimits = defaultXlsxLimits): Promise<void> {
  const zip = await openZip(path, { lazyEntries: true, validateEntrySizes: true, autoClose: false });
  const openEntry = promisify(zip.openReadStream.bind(zip)) as (entry: Entry) => Promise<NodeJS.ReadableStream>;
  try {
    if (zip.entryCount > limits.entries) throw new SheetLimitError('entries', `${zip.entryCount} entries`);
    let total = 0;
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      if (entry.fileName.endsWith('/')) continue;
      const isSharedStrings = entry.fileName === sharedStringsName;
      if (isSharedStrings && entry.uncompressedSize > limits.sharedStringsBytes) {
        throw new SheetLimitError('sharedStringsBytes', `${entry.uncompressedSize} bytes declared`);
      }
      if (total + entry.uncompressedSize > limits.uncompressedBytes) {
        throw new SheetLimitError('uncompressedBytes', `${total + entry.uncompressedSize} bytes declared`);
      }
      let entryBytes = 0;
      let strings = 0;
      // The last three bytes of a chunk, so an <si> split across chunks is still counted.
      let tail = Buffer.alloc(0);
      const stream = await openEntry(entry);
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          entryBytes += chunk.length;
          total += chunk.length;
          if (total > limits.uncompressedBytes) throw new SheetLimitError('uncompressedBytes', `more than ${limits.uncompressedBytes} bytes inflated`);
          if (!isSharedStrings) continue;
          if (entryBytes > limits.sharedStringsBytes) throw new SheetLimitError('sharedStringsBytes', `more than ${limits.sharedStringsBytes} bytes inflated`);
          const window = Buffer.concat([tail, chunk]);
          for (let at = window.indexOf(siOpen); at !== -1; at = window.indexOf(siOpen, at + siOpen.length)) strings += 1;
          tail = window.subarray(Math.max(window.length - (siOpen.length - 1), 0));
          if (strings > limits.sharedStrings) throw new SheetLimitError('sharedStrings', `more than ${limits.sharedStrings} shared strings`);
        }
      } finally {
        (stream as NodeJS.ReadableStream & { destroy(): void }).destroy();
      }
    }
  } finally {
    zip.close();
  }
}

function nextEntry(zip: ZipFile): Promise<Entry | undefined> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: Entry) => (cleanup(), resolve(entry));
    const onEnd = () => (cleanup(), resolve(undefined));
    const onError = (error: Error) => (cleanup(), reject(error));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}
