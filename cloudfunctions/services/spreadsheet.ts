/**
 * Tables in and out of spreadsheets, for any function: read the rows of an xlsx or CSV file a person
 * uploaded, write a table with Chinese headers as xlsx and as CSV (UTF-8 with BOM, so that Excel on a
 * Chinese Windows opens it without mojibake) and keep both in cloud storage. Customer imports use it
 * now; report and audit exports will.
 *
 * Libraries: exceljs (xlsx, streaming reader so that a 50,000-row sheet is never held as a workbook),
 * csv-parse / csv-stringify (CSV), iconv-lite (GBK/GB18030 CSV from Chinese Excel's 「CSV」).
 */
import { Readable } from 'node:stream';
import type { CellValue } from '@clinic/shared';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { storage } from '../platform/sdk';

export type SpreadsheetKind = 'xlsx' | 'csv';
export type { CellValue };

/** A table as read: the first non-empty row as headers, then the rows with their row numbers in the file. */
export interface ReadTable {
  headers: string[];
  /** The sheet's row number of the header (1 unless empty rows come first). */
  headerRow: number;
  rows: { row: number; cells: CellValue[] }[];
}

/** A table to write: Chinese headers, then rows of plain values. */
export interface WriteTable {
  headers: readonly string[];
  rows: readonly (readonly (string | number | null)[])[];
  /** The xlsx sheet's name (≤ 31 characters). */
  sheetName?: string;
}

export interface StoredFile {
  fileID: string;
  url: string;
}

/** Why a file could not be read as a table (the caller turns it into its own answer). */
export class SpreadsheetError extends Error {
  constructor(
    readonly reason: 'unreadable' | 'empty' | 'too_many_rows',
    message: string,
  ) {
    super(message);
    this.name = 'SpreadsheetError';
  }
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * The text of a CSV file: UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030
 * (a superset of GBK, what 「CSV（逗号分隔）」 of Chinese Excel writes). GBK text of Chinese is
 * practically never valid UTF-8, so the check decides without guessing from statistics.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes.subarray(0, 3).equals(UTF8_BOM)) return bytes.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'gb18030');
  }
}

const isEmptyRow = (cells: readonly CellValue[]) => cells.every((c) => c === null || c === '');

/**
 * Reads the first sheet (xlsx) or the file (CSV) into a table, refusing more than `maxRows` data
 * rows (it stops reading there). Empty rows are skipped; row numbers are those a person sees.
 */
export async function readTable(
  bytes: Buffer,
  kind: SpreadsheetKind,
  options: { maxRows: number },
): Promise<ReadTable> {
  const rows = kind === 'xlsx' ? readXlsxRows(bytes) : readCsvRows(bytes);
  let table: ReadTable | undefined;
  try {
    for await (const { row, cells } of rows) {
      if (isEmptyRow(cells)) continue;
      if (!table) {
        table = { headers: cells.map((c) => (c === null ? '' : String(c).trim())), headerRow: row, rows: [] };
        continue;
      }
      if (table.rows.length >= options.maxRows) {
        throw new SpreadsheetError('too_many_rows', `文件超过 ${options.maxRows} 行，请拆分后分批导入`);
      }
      table.rows.push({ row, cells });
    }
  } catch (e) {
    if (e instanceof SpreadsheetError) throw e;
    throw new SpreadsheetError('unreadable', kind === 'xlsx' ? '文件不是有效的 xlsx 表格' : 'CSV 文件无法解析');
  }
  if (!table) throw new SpreadsheetError('empty', '文件是空的，请在模板的表头下填写客户');
  return table;
}

async function* readCsvRows(bytes: Buffer): AsyncGenerator<{ row: number; cells: CellValue[] }> {
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) throw new Error('an xlsx file named .csv');
  const records = parseCsv(decodeText(bytes), {
    relax_column_count: true,
    skip_empty_lines: false,
    bom: true,
  }) as unknown as string[][];
  // Row numbers as Excel shows them: one per record (a quoted cell may span lines).
  for (const [i, record] of records.entries()) yield { row: i + 1, cells: record.map((v) => (v === '' ? null : v)) };
}

/** exceljs cell values → plain cells: rich text joined, a formula's last result, a hyperlink's text. */
function plainCell(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('result' in value) return plainCell((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return plainCell(value.text as ExcelJS.CellValue);
  return null; // an error cell (#N/A …)
}

async function* readXlsxRows(bytes: Buffer): AsyncGenerator<{ row: number; cells: CellValue[] }> {
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) throw new Error('not a zip container');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      // row.values is 1-based (index 0 empty); holes for empty cells.
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      yield { row: row.number, cells: Array.from(values, (v) => plainCell(v)) };
    }
    return; // the first sheet only
  }
}

/** A CSV cell that Excel would run as a formula (=, @, or +/- not starting a number) gets a leading '. */
const neutralised = (v: string | number | null): string | number | null =>
  typeof v === 'string' && /^(=|@|[+-](?![\d\s]))/.test(v) ? `'${v}` : v;

/** The table as CSV: UTF-8 with BOM, CRLF line ends (what Excel writes). */
export function writeCsv(table: WriteTable): Buffer {
  const text = stringifyCsv([table.headers, ...table.rows.map((r) => r.map(neutralised))], {
    record_delimiter: 'windows',
  });
  return Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);
}

/** The table as an xlsx workbook of one sheet, header bold and frozen, columns sized to their text. */
export async function writeXlsx(table: WriteTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet((table.sheetName ?? 'Sheet1').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow([...table.headers]).font = { bold: true };
  for (const row of table.rows) sheet.addRow([...row]);
  table.headers.forEach((header, i) => {
    const widest = Math.max(header.length * 2, ...table.rows.slice(0, 200).map((r) => String(r[i] ?? '').length));
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, widest + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Writes the table as `<cloudPath>.xlsx` and `<cloudPath>.csv` to cloud storage and answers both
 * fileIDs with temporary download URLs (one getTempFileURL call).
 */
export async function storeTable(table: WriteTable, cloudPath: string): Promise<{ xlsx: StoredFile; csv: StoredFile }> {
  const [xlsxId, csvId] = await Promise.all([
    writeXlsx(table).then((bytes) => storage.upload(`${cloudPath}.xlsx`, bytes)),
    storage.upload(`${cloudPath}.csv`, writeCsv(table)),
  ]);
  const urls = new Map((await storage.tempUrls([xlsxId, csvId])).map((f) => [f.fileID, f.tempFileURL]));
  return {
    xlsx: { fileID: xlsxId, url: urls.get(xlsxId) ?? '' },
    csv: { fileID: csvId, url: urls.get(csvId) ?? '' },
  };
}
