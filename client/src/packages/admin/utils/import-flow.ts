/**
 * The customer import page's logic, apart from rendering: which file may be sent, what the
 * report shows, and the loop that works an import job through its batches until it is done.
 */
import type { ActionOutput, ImportOutcome, Result, importsContract } from '@clinic/shared';

type C = typeof importsContract;
export type ImportSetup = ActionOutput<C, 'prepare'>;
export type DryRunReport = ActionOutput<C, 'dryRun'>;
export type ImportJob = ActionOutput<C, 'resume'>;

/** A file the manager picked: its name, size and where the platform keeps it (weapp path or h5 File). */
export interface ChosenFile {
  name: string;
  size: number;
}

const EXTENSIONS = ['xlsx', 'csv'] as const;
export type ImportFileKind = (typeof EXTENSIONS)[number];

export function extensionOf(name: string): ImportFileKind | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  return (EXTENSIONS as readonly string[]).includes(ext ?? '') ? (ext as ImportFileKind) : null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Why a picked file cannot be checked, before anything is uploaded (the server checks again). */
export function fileProblem(file: ChosenFile, maxBytes: number): string | null {
  if (!extensionOf(file.name)) return '请选择 xlsx 或 CSV 文件（旧版 .xls 请在 Excel 中另存为 .xlsx）';
  if (file.size === 0) return '文件是空的，请选择填好的导入文件';
  if (file.size > maxBytes) return `文件超过 ${formatBytes(maxBytes)}，请拆分后分批导入`;
  return null;
}

/**
 * The name the upload gets in the caller's folder: `<time>-<random>.<ext>`, in the characters the
 * server accepts (a Chinese file name stays on the page only).
 */
export function uploadName(file: ChosenFile, now: number, random: () => number = Math.random): string {
  const ext = extensionOf(file.name) ?? 'xlsx';
  return `${now}-${Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0')}.${ext}`;
}

/** How each outcome reads in the report, and how it is shown. */
const OUTCOME_LINES: Record<ImportOutcome, { label: string; tone: 'good' | 'neutral' | 'warn' }> = {
  created: { label: '新建老客', tone: 'good' },
  updated: { label: '更新老客', tone: 'good' },
  existing: { label: '已有客户，跳过', tone: 'neutral' },
  unchanged: { label: '资料一致，跳过', tone: 'neutral' },
  filed_new: { label: '已建档新客，跳过', tone: 'warn' },
  other_store: { label: '其他门店客户，跳过', tone: 'warn' },
  owner_conflict: { label: '归属冲突，跳过', tone: 'warn' },
  error: { label: '有错误，未导入', tone: 'warn' },
};

export interface CountLine {
  outcome: ImportOutcome;
  label: string;
  count: number;
  tone: 'good' | 'neutral' | 'warn';
}

/** The outcomes that happened, in report order (nothing of a zero). */
export function countLines(counts: Record<ImportOutcome, number>): CountLine[] {
  return (Object.keys(OUTCOME_LINES) as ImportOutcome[])
    .filter((outcome) => counts[outcome] > 0)
    .map((outcome) => ({ outcome, count: counts[outcome], ...OUTCOME_LINES[outcome] }));
}

/** Rows an import of this report would write. */
export const rowsToImport = (counts: Record<ImportOutcome, number>): number => counts.created + counts.updated;

/** The report's headline: what importing would do, and what to fix. */
export function reportHeadline(report: DryRunReport): string {
  const writes = rowsToImport(report.counts);
  const problems = report.total - writes - report.counts.existing - report.counts.unchanged;
  if (writes === 0)
    return problems > 0 ? `没有可导入的行：${problems} 行需要处理` : '没有需要导入的行：客户都已在系统中';
  return problems > 0
    ? `共 ${report.total} 行，可导入 ${writes} 行，${problems} 行需要处理`
    : `共 ${report.total} 行，可导入 ${writes} 行`;
}

/** Percent of a job's rows decided (a job of no rows is complete). */
export function progressPercent(job: Pick<ImportJob, 'processed' | 'total'>): number {
  if (job.total === 0) return 100;
  return Math.min(100, Math.floor((job.processed / job.total) * 100));
}

export const progressText = (job: Pick<ImportJob, 'processed' | 'total' | 'state'>): string =>
  job.state === 'done' ? `已完成 ${job.total} 行` : `已处理 ${job.processed} / ${job.total} 行`;

/** Consecutive failed calls (a dropped connection) the loop rides out before giving up. */
export const MAX_FAILED_CALLS = 3;
/** Calls at most in one run of the loop: 50,000 rows in batches of 2,000 take 25. */
export const MAX_BATCH_CALLS = 200;

/**
 * Works a job through its batches: calls `resume` until the job is done, reporting each status.
 * A failed call is tried again (the job is resumable: a batch that broke off is done again by the
 * next call, nothing twice); after MAX_FAILED_CALLS in a row it gives up with the last failure.
 * `stop()` returning true ends the loop (the page was left).
 */
export async function runImportJob(
  job: ImportJob,
  resume: (jobId: string) => Promise<Result<ImportJob>>,
  onProgress: (job: ImportJob) => void,
  stop: () => boolean = () => false,
): Promise<Result<ImportJob>> {
  let current = job;
  let failed = 0;
  for (let calls = 0; current.state !== 'done' && calls < MAX_BATCH_CALLS; calls++) {
    if (stop()) return { ok: true, data: current };
    const res = await resume(current.jobId);
    if (!res.ok) {
      failed += 1;
      if (failed >= MAX_FAILED_CALLS) return res;
      continue;
    }
    failed = 0;
    current = res.data;
    onProgress(current);
  }
  return { ok: true, data: current };
}
