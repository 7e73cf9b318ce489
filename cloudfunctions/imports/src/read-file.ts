import { createHash } from 'crypto';
import {
  IMPORT_LIMITS,
  markDuplicates,
  mapHeaders,
  ownImportFileKind,
  rowChecker,
  type CellValue,
  type ImportColumnKey,
  type RowCells,
  type RowCheck,
  type RowContext,
} from '@clinic/shared';
import { refuse } from '../../platform/errors';
import { storage } from '../../platform/sdk';
import { readTable, SpreadsheetError } from '../../services/spreadsheet';

/** A file read and every row checked: what a dry run reports and a job imports. */
export interface CheckedFile {
  /** sha256 of the bytes: the same content is the same job, whatever its fileID. */
  contentHash: string;
  headers: string[];
  ignoredColumns: string[];
  /** Each data row with its original cells (for the error file) and its check. */
  rows: { original: CellValue[]; check: RowCheck }[];
}

/**
 * validate → load: the fileID must be of the caller's own import folder (decided from the OPENID),
 * storage must hold it, it must be within the limits and read as a table with the template's
 * required columns; then each row is checked (shared `rowChecker`) and duplicates marked.
 * Nothing is written.
 */
export async function readAndCheck(fileId: string, openid: string, context: RowContext): Promise<CheckedFile> {
  const kind = ownImportFileKind(fileId, openid);
  if (!kind) throw refuse('FORBIDDEN', '只能导入您本人上传的 xlsx 或 CSV 文件');
  const bytes = await storage.download(fileId);
  if (!bytes) throw refuse('NOT_FOUND', '没有找到上传的文件，请重新上传');
  if (bytes.length > IMPORT_LIMITS.maxBytes) {
    throw refuse('IMPORT_TOO_LARGE', `文件超过 ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB，请拆分后分批导入`);
  }
  let table;
  try {
    table = await readTable(bytes, kind, { maxRows: IMPORT_LIMITS.maxRows });
  } catch (e) {
    if (!(e instanceof SpreadsheetError)) throw e;
    throw refuse(e.reason === 'too_many_rows' ? 'IMPORT_TOO_LARGE' : 'IMPORT_FILE_INVALID', e.message);
  }
  const mapping = mapHeaders(table.headers);
  if (!mapping.ok) throw refuse('IMPORT_FILE_INVALID', mapping.message);

  const check = rowChecker(context);
  const entries = Object.entries(mapping.columns) as [ImportColumnKey, number][];
  const checks = table.rows.map(({ row, cells }) => {
    const byColumn: RowCells = {};
    for (const [key, index] of entries) byColumn[key] = cells[index] ?? null;
    return check(byColumn, row);
  });
  const marked = markDuplicates(checks);
  return {
    contentHash: createHash('sha256').update(bytes).digest('hex'),
    headers: table.headers,
    ignoredColumns: mapping.ignored,
    rows: table.rows.map(({ cells }, i) => ({ original: cells, check: marked[i] as RowCheck })),
  };
}
