import { cellText, ERROR_REASON_HEADER, normalizeHeader, ROW_NUMBER_HEADER, type CellValue } from '@clinic/shared';
import { storeTable, type StoredFile } from '../../services/spreadsheet';

export interface ErrorLine {
  row: number;
  original: CellValue[];
  reason: string;
}

const ADDED = new Set([normalizeHeader(ERROR_REASON_HEADER), normalizeHeader(ROW_NUMBER_HEADER)]);

/**
 * The rows a person must look at, as they were uploaded (a previous error file's added columns
 * dropped), plus the row number and 错误原因 — as xlsx and CSV in cloud storage. Fixing the
 * rows and uploading the file again imports them: the added columns are ignored.
 */
export async function writeErrorFile(
  headers: readonly string[],
  lines: readonly ErrorLine[],
  cloudPath: string,
): Promise<{ xlsx: StoredFile; csv: StoredFile }> {
  const keep = headers.map((h, i) => [h, i] as const).filter(([h]) => !ADDED.has(normalizeHeader(h)));
  return storeTable(
    {
      headers: [...keep.map(([h]) => h), ROW_NUMBER_HEADER, ERROR_REASON_HEADER],
      rows: lines.map((line) => [...keep.map(([, i]) => cellText(line.original[i] ?? null)), line.row, line.reason]),
      sheetName: '未导入的行',
    },
    cloudPath,
  );
}
