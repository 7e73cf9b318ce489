import * as z from 'zod/mini';
import '../locale';
import { IMPORT_COLUMN_KEYS } from '../import/columns';
import { IMPORT_POLICIES } from '../import/decide';
import { IMPORT_FILE_ID_MAX } from '../import/file';
import { IMPORT_OUTCOME_KEYS, type ImportOutcome } from '../import/outcomes';
import { ROW_ERROR_REASONS, type RowErrorReason } from '../import/row';
import { idSchema, labelCodes } from '../model/primitives';
import { defineContract } from './envelope';

const count = z.int().check(z.gte(0));
const text = (max: number) => z.string().check(z.maxLength(max));

export const importPolicySchema = z.enum(labelCodes(IMPORT_POLICIES));

/** The uploaded file: a fileID of the caller's own import folder (checked by the function). */
const fileIdSchema = z
  .string({ error: '请先上传文件' })
  .check(
    z.minLength(1, { error: '请先上传文件' }),
    z.maxLength(IMPORT_FILE_ID_MAX, { error: '文件编号过长' }),
    z.startsWith('cloud://', { error: '文件编号格式不正确' }),
  );

/** What the manager chose: the file, what to do with existing customers, where rows without 门店 go. */
const importRequestSchema = z.strictObject({
  fileID: fileIdSchema,
  policy: importPolicySchema,
  /** The store for rows whose 门店 is empty (a store manager's own store by default). */
  storeId: z.optional(idSchema),
  /** The name the manager picked (shown in the report; the content is read by fileID). */
  fileName: z.optional(text(100)),
});
export type ImportRequest = z.infer<typeof importRequestSchema>;

/** A file the function wrote to cloud storage, with a temporary download URL. */
const fileLinkSchema = z.strictObject({ fileID: text(IMPORT_FILE_ID_MAX), url: text(2048) });
export type FileLink = z.infer<typeof fileLinkSchema>;
/** The same table as xlsx and as CSV (UTF-8 with BOM). */
const tableFilesSchema = z.strictObject({ xlsx: fileLinkSchema, csv: fileLinkSchema });
export type TableFiles = z.infer<typeof tableFilesSchema>;

const countsSchema = z.strictObject(
  Object.fromEntries(IMPORT_OUTCOME_KEYS.map((k) => [k, count])) as Record<ImportOutcome, typeof count>,
);
const errorCountsSchema = z.strictObject(
  Object.fromEntries(Object.keys(ROW_ERROR_REASONS).map((k) => [k, z.optional(count)])) as Record<
    RowErrorReason,
    z.ZodMiniOptional<typeof count>
  >,
);

/** One row the report shows: its number in the file, what happens to it and why. */
const reportLineSchema = z.strictObject({
  row: z.int().check(z.gte(2)),
  outcome: z.enum(IMPORT_OUTCOME_KEYS as [ImportOutcome, ...ImportOutcome[]]),
  reason: text(600),
});
export type ReportLine = z.infer<typeof reportLineSchema>;

/** The report shows this many rows; the error file has all of them. */
export const REPORT_LINES_MAX = 50;

const dryRunReportSchema = z.strictObject({
  fileName: text(100),
  policy: importPolicySchema,
  /** Data rows in the file. */
  total: count,
  counts: countsSchema,
  errorsByReason: errorCountsSchema,
  /** Headers that are not template columns (ignored, kept in the error file). */
  ignoredColumns: z.array(text(100)).check(z.maxLength(50)),
  /** The first rows that are not imported for a reason a person must look at. */
  lines: z.array(reportLineSchema).check(z.maxLength(REPORT_LINES_MAX)),
  /** Every such row: the original columns plus 错误原因. Absent when there is none. */
  errorFile: z.optional(tableFilesSchema),
});
export type DryRunReport = z.infer<typeof dryRunReportSchema>;

export const IMPORT_JOB_STATES = { running: '导入中', done: '已完成' } as const;

const jobStatusSchema = z.strictObject({
  jobId: idSchema,
  state: z.enum(labelCodes(IMPORT_JOB_STATES)),
  fileName: text(100),
  policy: importPolicySchema,
  total: count,
  /** Rows decided so far (validation errors count from the start). */
  processed: count,
  counts: countsSchema,
  errorsByReason: errorCountsSchema,
  /** Invocations that worked on the job so far. */
  batches: count,
  /** The rows that failed the checks: original columns plus 错误原因. */
  errorFile: z.optional(tableFilesSchema),
  createdAt: text(40),
  updatedAt: text(40),
  finishedAt: z.optional(text(40)),
});
export type ImportJobStatus = z.infer<typeof jobStatusSchema>;

const templateColumnSchema = z.strictObject({
  key: z.enum(IMPORT_COLUMN_KEYS),
  header: text(20),
  required: z.boolean(),
  hint: text(100),
});

/** imports: managers bring the clinic's existing customers (老客) in from a CRM export. */
export const importsContract = defineContract({
  /** What the page needs first: the upload folder, the limits, the stores, the template to download. */
  prepare: {
    input: z.strictObject({}),
    output: z.strictObject({
      /** Upload into this folder (`imports/<openid>`); the function reads only files of it. */
      folder: text(100),
      maxRows: count,
      maxBytes: count,
      policies: z.array(z.strictObject({ id: importPolicySchema, label: text(40) })).check(z.maxLength(5)),
      columns: z.array(templateColumnSchema).check(z.maxLength(20)),
      /** The stores the caller may import into (a store manager: theirs). */
      stores: z.array(z.strictObject({ id: idSchema, name: text(40) })).check(z.maxLength(200)),
      defaultStoreId: z.optional(idSchema),
      template: tableFilesSchema,
      /** The caller's latest import, to pick up its progress after the page was closed. */
      latestJob: z.optional(jobStatusSchema),
    }),
  },
  /** 预检: reads the file and reports row by row what an import would do; writes no customer. */
  dryRun: { input: importRequestSchema, output: dryRunReportSchema },
  /** Starts the import job of a file (the same file, policy and store again: the same job). */
  start: {
    input: z.extend(importRequestSchema, {
      /** Rows one invocation works through (default 2000); smaller for tests, larger for the bench. */
      batchRows: z.optional(z.int().check(z.gte(1), z.lte(5000))),
    }),
    output: jobStatusSchema,
  },
  /** Works the job on for one bounded batch and answers where it stands (a finished job: as it is). */
  resume: { input: z.strictObject({ jobId: idSchema }), output: jobStatusSchema },
  /** Where a job stands, without working on it. */
  status: { input: z.strictObject({ jobId: idSchema }), output: jobStatusSchema },
});
