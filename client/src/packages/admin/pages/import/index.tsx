import { useCallback, useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PageError, PageLoading } from '../../../../components/StateViews';
import {
  dryRunImport,
  openSpreadsheet,
  pickImportFile,
  prepareImport,
  resumeImport,
  startImport,
  uploadImportFile,
  type DryRunReport,
  type ImportJob,
  type ImportSetup,
  type PickedFile,
} from '../../../../services/imports';
import {
  countLines,
  fileProblem,
  formatBytes,
  progressPercent,
  progressText,
  reportHeadline,
  rowsToImport,
  runImportJob,
  uploadName,
} from '../../utils/import-flow';
import './index.scss';

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; setup: ImportSetup };

/** Where the page is: choosing, a report in hand, an import running or done. */
type Step =
  | { kind: 'choose' }
  | { kind: 'checked'; report: DryRunReport; fileID: string }
  | { kind: 'importing'; job: ImportJob }
  | { kind: 'done'; job: ImportJob };

/**
 * 导入老客 (store managers, the general manager, admins): the clinic's CRM export → 预检 (a
 * row-by-row report and an error file, nothing written) → fix and upload again, or 开始导入 →
 * progress batch by batch → summary. The server checks the role, the folder and every row again.
 */
export default function ImportPage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [file, setFile] = useState<PickedFile | null>(null);
  const [policy, setPolicy] = useState<'skip' | 'update'>('skip');
  const [storeId, setStoreId] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState('');
  const [message, setMessage] = useState('');
  const [running, setRunning] = useState(false);
  const left = useRef(false);

  const open = useCallback(async () => {
    setLoad({ status: 'loading' });
    const res = await prepareImport();
    if (!res.ok) return setLoad({ status: 'error', message: res.message });
    setLoad({ status: 'ready', setup: res.data });
    setStoreId(res.data.defaultStoreId);
    const latest = res.data.latestJob;
    if (latest?.state === 'running') setStep({ kind: 'importing', job: latest });
  }, []);

  useEffect(() => {
    void open();
    return () => {
      left.current = true;
    };
  }, [open]);

  if (load.status === 'loading') return <PageLoading text="正在加载…" testId="import-loading" />;
  if (load.status === 'error') {
    return <PageError message={load.message} onRetry={() => void open()} testId="import-error" />;
  }
  const { setup } = load;

  const choose = async () => {
    setMessage('');
    const picked = await pickImportFile();
    if (!picked) return;
    const problem = fileProblem(picked, setup.maxBytes);
    if (problem) return setMessage(problem);
    setFile(picked);
    setStep({ kind: 'choose' });
  };

  const check = async () => {
    if (!file || busy) return;
    setMessage('');
    setBusy('正在上传…');
    const uploaded = await uploadImportFile(setup.folder, uploadName(file, Date.now()), file);
    if (!uploaded.ok) {
      setBusy('');
      return setMessage(uploaded.message);
    }
    setBusy('正在预检…');
    const res = await dryRunImport({
      fileID: uploaded.data,
      policy,
      fileName: file.name.slice(0, 100),
      ...(storeId ? { storeId } : {}),
    });
    setBusy('');
    if (!res.ok) return setMessage(res.message);
    setStep({ kind: 'checked', report: res.data, fileID: uploaded.data });
  };

  const run = async (job: ImportJob) => {
    setMessage('');
    setStep({ kind: 'importing', job });
    setRunning(true);
    const res = await runImportJob(
      job,
      resumeImport,
      (next) => setStep({ kind: 'importing', job: next }),
      () => left.current,
    );
    setRunning(false);
    if (!res.ok) return setMessage(`${res.message}（进度已保存，可稍后继续导入）`);
    if (res.data.state === 'done') setStep({ kind: 'done', job: res.data });
  };

  const start = async () => {
    if (step.kind !== 'checked' || busy) return;
    setMessage('');
    setBusy('正在开始导入…');
    const res = await startImport({
      fileID: step.fileID,
      policy,
      fileName: step.report.fileName,
      ...(storeId ? { storeId } : {}),
    });
    setBusy('');
    if (!res.ok) return setMessage(res.message);
    await run(res.data);
  };

  const download = async (url: string, kind: 'xlsx' | 'csv') => {
    const res = await openSpreadsheet(url, kind);
    if (!res.ok) setMessage(res.message);
    else if (res.data === 'copied') setMessage('CSV 下载链接已复制，可在电脑浏览器中打开');
  };

  const again = () => {
    setFile(null);
    setMessage('');
    setStep({ kind: 'choose' });
  };

  return (
    <View className="page import" data-testid="import-page">
      <View className="card">
        <Text className="card__title">导入老客</Text>
        <Text className="card__subtitle">
          把 CRM 导出的老客名单（xlsx 或 CSV，最多 {setup.maxRows} 行、{formatBytes(setup.maxBytes)}
          ）导入系统：先预检，确认无误再导入。
        </Text>
        <View className="import__columns" data-testid="import-columns">
          {setup.columns.map((c) => (
            <View key={c.key} className="import__column">
              <Text className={`import__header${c.required ? ' import__header--required' : ''}`}>
                {c.header}
                {c.required ? '（必填）' : ''}
              </Text>
              <Text className="import__hint">{c.hint}</Text>
            </View>
          ))}
        </View>
        <View className="import__actions">
          <View
            className="btn btn--ghost btn--small"
            hoverClass="btn--pressed"
            data-testid="template-xlsx"
            onClick={() => void download(setup.template.xlsx.url, 'xlsx')}
          >
            下载模板（xlsx）
          </View>
          <View
            className="btn btn--ghost btn--small"
            hoverClass="btn--pressed"
            data-testid="template-csv"
            onClick={() => void download(setup.template.csv.url, 'csv')}
          >
            下载模板（CSV）
          </View>
        </View>
      </View>

      {step.kind === 'choose' || step.kind === 'checked' ? (
        <View className="card" data-testid="import-form">
          <Text className="card__title">选择文件</Text>
          {setup.stores.length > 1 ? (
            <View className="field">
              <Text className="field__label">「门店」为空的行导入到</Text>
              <View className="chips" data-testid="import-stores">
                {setup.stores.map((s) => (
                  <View
                    key={s.id}
                    className={`chip${storeId === s.id ? ' chip--active' : ''}`}
                    data-testid={`import-store-${s.id}`}
                    onClick={() => setStoreId(storeId === s.id ? undefined : s.id)}
                  >
                    {s.name}
                  </View>
                ))}
              </View>
            </View>
          ) : null}
          <View className="field">
            <Text className="field__label">已是客户的手机号</Text>
            <View className="chips" data-testid="import-policies">
              {setup.policies.map((p) => (
                <View
                  key={p.id}
                  className={`chip${policy === p.id ? ' chip--active' : ''}`}
                  data-testid={`import-policy-${p.id}`}
                  onClick={() => {
                    setPolicy(p.id);
                    if (step.kind === 'checked') setStep({ kind: 'choose' });
                  }}
                >
                  {p.label}
                </View>
              ))}
            </View>
            <Text className="import__hint">
              导入不会改变已建档客户的渠道与归属员工（首次建档优先，不允许补单和改单）
            </Text>
          </View>
          <View className="import__file" data-testid="import-file">
            <Text>{file ? `${file.name}（${formatBytes(file.size)}）` : '尚未选择文件'}</Text>
          </View>
          <View className="import__actions">
            <View
              className="btn btn--ghost"
              hoverClass="btn--pressed"
              data-testid="import-choose"
              onClick={() => void choose()}
            >
              {file ? '重新选择' : '选择文件'}
            </View>
            <View
              className={`btn${!file || busy ? ' btn--disabled' : ''}`}
              hoverClass="btn--pressed"
              data-testid="import-check"
              onClick={() => void check()}
            >
              {busy || '预检'}
            </View>
          </View>
        </View>
      ) : null}

      {step.kind === 'checked' ? (
        <ReportCard report={step.report} busy={busy} onStart={() => void start()} onDownload={download} />
      ) : null}
      {step.kind === 'importing' ? (
        <ProgressCard job={step.job} running={running} onContinue={() => void run(step.job)} />
      ) : null}
      {step.kind === 'done' ? <SummaryCard job={step.job} onAgain={again} onDownload={download} /> : null}

      {message ? (
        <Text className="import__message" data-testid="import-message">
          {message}
        </Text>
      ) : null}
    </View>
  );
}

function Counts({ counts, testId }: { counts: DryRunReport['counts']; testId: string }) {
  return (
    <View className="import__counts" data-testid={testId}>
      {countLines(counts).map((line) => (
        <View
          key={line.outcome}
          className={`import__count import__count--${line.tone}`}
          data-testid={`count-${line.outcome}`}
        >
          <Text className="import__count-value">{line.count}</Text>
          <Text className="import__count-label">{line.label}</Text>
        </View>
      ))}
    </View>
  );
}

function ErrorFileLinks({
  files,
  onDownload,
}: {
  files: NonNullable<DryRunReport['errorFile']>;
  onDownload: (url: string, kind: 'xlsx' | 'csv') => Promise<void>;
}) {
  return (
    <View className="import__actions">
      <View
        className="btn btn--ghost btn--small"
        hoverClass="btn--pressed"
        data-testid="error-file-xlsx"
        onClick={() => void onDownload(files.xlsx.url, 'xlsx')}
      >
        下载错误文件（xlsx）
      </View>
      <View
        className="btn btn--ghost btn--small"
        hoverClass="btn--pressed"
        data-testid="error-file-csv"
        onClick={() => void onDownload(files.csv.url, 'csv')}
      >
        下载错误文件（CSV）
      </View>
    </View>
  );
}

function ReportCard({
  report,
  busy,
  onStart,
  onDownload,
}: {
  report: DryRunReport;
  busy: string;
  onStart: () => void;
  onDownload: (url: string, kind: 'xlsx' | 'csv') => Promise<void>;
}) {
  const writes = rowsToImport(report.counts);
  return (
    <View className="card" data-testid="import-report">
      <Text className="card__title">预检结果</Text>
      <Text className="card__subtitle" data-testid="report-headline">
        {reportHeadline(report)}
      </Text>
      <Counts counts={report.counts} testId="report-counts" />
      {report.ignoredColumns.length > 0 ? (
        <Text className="import__hint">未识别的列（不导入）：{report.ignoredColumns.join('、')}</Text>
      ) : null}
      {report.lines.length > 0 ? (
        <View className="import__lines" data-testid="report-lines">
          {report.lines.map((line) => (
            <View key={line.row} className="import__line">
              <Text className="import__line-row">第 {line.row} 行</Text>
              <Text className="import__line-reason">{line.reason}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {report.errorFile ? (
        <>
          <Text className="import__hint">错误文件含全部需处理的行和「错误原因」列，改好后可直接重新上传</Text>
          <ErrorFileLinks files={report.errorFile} onDownload={onDownload} />
        </>
      ) : null}
      <View
        className={`btn btn--block${writes === 0 || busy ? ' btn--disabled' : ''}`}
        hoverClass="btn--pressed"
        data-testid="import-start"
        onClick={() => (writes > 0 ? onStart() : undefined)}
      >
        {busy || (writes > 0 ? `开始导入（${writes} 行）` : '没有可导入的行')}
      </View>
    </View>
  );
}

function ProgressCard({ job, running, onContinue }: { job: ImportJob; running: boolean; onContinue: () => void }) {
  const percent = progressPercent(job);
  return (
    <View className="card" data-testid="import-progress">
      <Text className="card__title">正在导入</Text>
      <Text className="card__subtitle">{job.fileName}</Text>
      <View className="import__bar">
        <View className="import__bar-fill" style={{ width: `${percent}%` }} />
      </View>
      <Text className="import__progress-text" data-testid="progress-text">
        {progressText(job)}（{percent}%）
      </Text>
      <Text className="import__hint">请保持页面打开；中途离开后再进入本页，可从中断处继续，不会重复导入</Text>
      {running ? null : (
        <View
          className="btn btn--ghost btn--block"
          hoverClass="btn--pressed"
          data-testid="import-continue"
          onClick={onContinue}
        >
          继续导入
        </View>
      )}
    </View>
  );
}

function SummaryCard({
  job,
  onAgain,
  onDownload,
}: {
  job: ImportJob;
  onAgain: () => void;
  onDownload: (url: string, kind: 'xlsx' | 'csv') => Promise<void>;
}) {
  return (
    <View className="card" data-testid="import-summary">
      <Text className="card__title">导入完成</Text>
      <Text className="card__subtitle" data-testid="summary-text">
        {job.fileName}：共 {job.total} 行，新建 {job.counts.created} 位、更新 {job.counts.updated} 位老客
      </Text>
      <Counts counts={job.counts} testId="summary-counts" />
      {job.errorFile ? <ErrorFileLinks files={job.errorFile} onDownload={onDownload} /> : null}
      <View className="btn btn--block" hoverClass="btn--pressed" data-testid="import-again" onClick={onAgain}>
        再导入一个文件
      </View>
    </View>
  );
}
