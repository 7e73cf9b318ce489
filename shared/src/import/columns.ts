/**
 * The customer import template (docs/business-rules.md §1: 老客 imported from the clinic's CRM):
 * the columns a file may have, found by their Chinese header (or a common alias a CRM export
 * uses), in the order the downloadable template lists them.
 */
export const IMPORT_COLUMN_KEYS = [
  'name',
  'phone',
  'starLevel',
  'lastTreatmentDate',
  'ownerName',
  'ownerPhone',
  'ownerId',
  'store',
  'note',
] as const;
export type ImportColumnKey = (typeof IMPORT_COLUMN_KEYS)[number];

export interface ImportColumn {
  /** The header the template uses. */
  header: string;
  /** Other headers CRM exports use for the same column. */
  aliases: readonly string[];
  required: boolean;
  /** What to put in it, for the template's notes and the page. */
  hint: string;
  /** The template's example row. */
  example: string;
}

export const IMPORT_COLUMNS: Readonly<Record<ImportColumnKey, ImportColumn>> = {
  name: {
    header: '姓名',
    aliases: ['客户姓名', '顾客姓名', '客户名称', '名字'],
    required: true,
    hint: '客户姓名，1–20 个字',
    example: '王丽',
  },
  phone: {
    header: '手机号',
    aliases: ['手机号码', '手机', '联系电话', '电话', '联系方式', '客户手机号'],
    required: true,
    hint: '中国大陆 11 位手机号，可带 +86、空格或短横线；同一手机号只导入一次',
    example: '13800138000',
  },
  starLevel: {
    header: '星级',
    aliases: ['客户星级', '会员星级', '星级评定'],
    required: false,
    hint: '1–5 星，可写 4、4星、四星 或 ★★★★；可留空',
    example: '4',
  },
  lastTreatmentDate: {
    header: '最近治疗日期',
    aliases: ['最近治疗时间', '最后治疗日期', '末次治疗日期', '最近消费日期', '最近到院日期'],
    required: false,
    hint: '如 2026-11-05 或 2026/11/05，不能晚于今天；黄金时间从这一天算起；可留空',
    example: '2026-11-05',
  },
  ownerName: {
    header: '归属员工',
    aliases: ['归属员工姓名', '所属员工', '负责员工', '归属人', '专属客服'],
    required: false,
    hint: '本店在职员工的姓名；同店重名时请改填员工手机号或工号；可留空',
    example: '李娜',
  },
  ownerPhone: {
    header: '员工手机号',
    aliases: ['归属员工手机号', '员工手机', '归属员工手机'],
    required: false,
    hint: '归属员工的手机号（与姓名二选一，优先使用）',
    example: '',
  },
  ownerId: {
    header: '工号',
    aliases: ['员工工号', '员工编号', '归属员工工号'],
    required: false,
    hint: '归属员工在本系统中的员工编号（优先于手机号和姓名）',
    example: '',
  },
  store: {
    header: '门店',
    aliases: ['所属门店', '归属门店', '门店名称', '门店编号'],
    required: false,
    hint: '门店名称或编号；留空时导入到页面上选择的门店',
    example: '',
  },
  note: {
    header: '备注',
    aliases: ['客户备注', '说明'],
    required: false,
    hint: '200 字以内',
    example: '偏好周末到院',
  },
};

/** The header of the column the error file adds to the original rows. */
export const ERROR_REASON_HEADER = '错误原因';
/** The header of the row number the error file adds (the row in the uploaded file). */
export const ROW_NUMBER_HEADER = '原文件行号';

/** Compares headers as people type them: width, spaces, a required-mark `*` and a note in brackets ignored. */
export function normalizeHeader(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s*]/g, '')
    .replace(/\((必填|选填|可选)\)$/, '');
}

const HEADER_LOOKUP: ReadonlyMap<string, ImportColumnKey> = new Map(
  IMPORT_COLUMN_KEYS.flatMap((key) =>
    [IMPORT_COLUMNS[key].header, ...IMPORT_COLUMNS[key].aliases].map((h) => [normalizeHeader(h), key] as const),
  ),
);

export type HeaderMapping =
  | {
      ok: true;
      /** Column index (0-based) of each column the file has. */
      columns: Partial<Record<ImportColumnKey, number>>;
      /** Headers that are not template columns: kept in the error file, otherwise ignored. */
      ignored: string[];
    }
  | { ok: false; missing: ImportColumnKey[]; message: string };

/**
 * Finds the template's columns in a header row. A required column missing is a file-level error;
 * a column given twice counts once (the first); anything else is ignored.
 */
export function mapHeaders(headers: readonly string[]): HeaderMapping {
  const columns: Partial<Record<ImportColumnKey, number>> = {};
  const ignored: string[] = [];
  headers.forEach((header, index) => {
    const key = HEADER_LOOKUP.get(normalizeHeader(header));
    if (key === undefined) {
      if (header.trim() !== '') ignored.push(header.trim());
      return;
    }
    if (columns[key] === undefined) columns[key] = index;
  });
  const missing = IMPORT_COLUMN_KEYS.filter((key) => IMPORT_COLUMNS[key].required && columns[key] === undefined);
  if (missing.length > 0) {
    const names = missing.map((key) => IMPORT_COLUMNS[key].header).join('、');
    return { ok: false, missing, message: `文件缺少必填列：${names}（请使用导入模板的表头）` };
  }
  return { ok: true, columns, ignored };
}

/** The template as a table: its headers and one example row. */
export function templateTable(): { headers: string[]; rows: string[][] } {
  return {
    headers: IMPORT_COLUMN_KEYS.map((key) => IMPORT_COLUMNS[key].header),
    rows: [IMPORT_COLUMN_KEYS.map((key) => IMPORT_COLUMNS[key].example)],
  };
}
