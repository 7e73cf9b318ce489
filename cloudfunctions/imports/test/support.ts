import iconv from 'iconv-lite';
import { writeCsv, writeXlsx } from '../../services/spreadsheet';
import type { Clinic } from '../../test/support/clinic';

export const MANAGER_1 = 'demo-manager-store-1';
export const MANAGER_2 = 'demo-manager-store-2';
export const GM = 'demo-manager-gm';

export const TEMPLATE_HEADERS = [
  '姓名',
  '手机号',
  '星级',
  '最近治疗日期',
  '归属员工',
  '员工手机号',
  '工号',
  '门店',
  '备注',
];

/** A row of the template, by header. */
export type Row = Partial<Record<(typeof TEMPLATE_HEADERS)[number], string | number | null>>;

export const table = (rows: readonly Row[], headers: readonly string[] = TEMPLATE_HEADERS) => ({
  headers,
  rows: rows.map((r) => headers.map((h) => r[h] ?? null)),
});

export const xlsxOf = (rows: readonly Row[], headers?: readonly string[]) => writeXlsx(table(rows, headers));
/** What 「CSV UTF-8」 of Excel writes: UTF-8 with BOM. */
export const csvOf = (rows: readonly Row[], headers?: readonly string[]) => writeCsv(table(rows, headers));
/** What 「CSV（逗号分隔）」 of Chinese Excel writes: GBK, no BOM. */
export const gbkCsvOf = (rows: readonly Row[], headers?: readonly string[]) =>
  iconv.encode(writeCsv(table(rows, headers)).subarray(3).toString('utf8'), 'gbk');

let uploads = 0;
/** Puts a file into the caller's import folder, as wx.cloud.uploadFile does; answers its fileID. */
export function upload(clinic: Clinic, openid: string, bytes: Buffer, ext: 'xlsx' | 'csv' = 'xlsx', folder?: string) {
  uploads += 1;
  return clinic.cloud.files.put(`${folder ?? `imports/${openid}`}/${Date.now()}-${uploads}.${ext}`, bytes);
}

/** Downloads a file the function wrote, by its temporary URL (loopback). */
export async function download(url: string): Promise<Buffer> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** `count` distinct valid rows with generated phones (199 + 8 digits). */
export function generatedRows(count: number, from = 0, extra: Row = {}): Row[] {
  return Array.from({ length: count }, (_, i) => ({
    姓名: `导入客户${from + i}`,
    手机号: `199${String(10_000_000 + from + i).slice(-8)}`,
    星级: ((from + i) % 5) + 1,
    最近治疗日期: '2026-11-05',
    ...extra,
  }));
}
