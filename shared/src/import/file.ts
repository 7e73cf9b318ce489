import { cloudPathOfFileId } from '../identity/avatar-file';

/**
 * Where a manager's import file lives in cloud storage, and whether a fileID is one of theirs. The
 * page uploads into `imports/<openid>/` (the folder `imports.prepare` names, decided from the
 * OPENID on the server); the function reads only a file of the caller's own folder, so nobody can
 * make it read someone else's upload (another clinic's customers, a colleague's file).
 */
export const IMPORT_ROOT = 'imports';
export const IMPORT_FILE_ID_MAX = 256;

/** Bounds of one import: a CRM export of a chain, not a data warehouse. */
export const IMPORT_LIMITS = {
  /** Data rows (the header not counted). */
  maxRows: 50_000,
  /** Bytes of the uploaded file. */
  maxBytes: 10 * 1024 * 1024,
} as const;

export type SpreadsheetKind = 'xlsx' | 'csv';

export const importFolderOf = (openid: string): string => `${IMPORT_ROOT}/${openid}`;

/** A file name the page makes (`<time>-<random>.xlsx|csv`): no folders, no dot segments. */
const FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}\.(xlsx|csv)$/i;

/** The kind of an import file the caller owns, or null when the fileID is not one of theirs. */
export function ownImportFileKind(fileId: string, openid: string): SpreadsheetKind | null {
  if (!openid || fileId.length > IMPORT_FILE_ID_MAX) return null;
  const path = cloudPathOfFileId(fileId);
  const folder = `${importFolderOf(openid)}/`;
  if (!path?.startsWith(folder)) return null;
  const name = path.slice(folder.length);
  const match = FILE_NAME.exec(name);
  if (!match || name.includes('..')) return null;
  return (match[1] as string).toLowerCase() as SpreadsheetKind;
}
