import {
  IMPORT_COLUMN_KEYS,
  IMPORT_COLUMNS,
  IMPORT_LIMITS,
  IMPORT_POLICIES,
  importFolderOf,
  templateTable,
  type ActionOutput,
  type ImportPolicy,
  type importsContract,
} from '@clinic/shared';
import { latestImportJobOf } from '../../data/imports';
import type { Caller } from '../../platform/access';
import type { Database } from '../../platform/db-types';
import { storeTable } from '../../services/spreadsheet';
import { defaultStoreOf, loadImporter } from './importer';
import { statusOf } from './job';

/** The template's place in storage; a new template version gets a new path. */
const TEMPLATE_PATH = 'import-templates/customers-v1';

/**
 * The template as xlsx and CSV. Written on every prepare (two small files at a fixed path, the
 * same bytes each time): a function cannot ask storage whether a path exists without its fileID.
 */
const templateFiles = () => storeTable({ ...templateTable(), sheetName: '客户导入模板' }, TEMPLATE_PATH);

export async function prepare(
  caller: Caller,
  db: Database,
  openid: string,
): Promise<ActionOutput<typeof importsContract, 'prepare'>> {
  const importer = await loadImporter(db, caller);
  const [template, latest] = await Promise.all([templateFiles(), latestImportJobOf(db, importer.staff.id)]);
  const defaultStoreId = defaultStoreOf(importer, undefined);
  return {
    folder: importFolderOf(openid),
    maxRows: IMPORT_LIMITS.maxRows,
    maxBytes: IMPORT_LIMITS.maxBytes,
    policies: (Object.keys(IMPORT_POLICIES) as ImportPolicy[]).map((id) => ({ id, label: IMPORT_POLICIES[id] })),
    columns: IMPORT_COLUMN_KEYS.map((key) => ({
      key,
      header: IMPORT_COLUMNS[key].header,
      required: IMPORT_COLUMNS[key].required,
      hint: IMPORT_COLUMNS[key].hint,
    })),
    stores: importer.stores.filter((s) => s.importable).map((s) => ({ id: s.id, name: s.name })),
    ...(defaultStoreId ? { defaultStoreId } : {}),
    template,
    ...(latest ? { latestJob: statusOf(latest, latest._id) } : {}),
  };
}
