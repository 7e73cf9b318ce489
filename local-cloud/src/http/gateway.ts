import express, { type Request, type Response, type Router } from 'express';
import type { FunctionRunner, InvocationReport } from '../functions/function-runner';
import type { OpenApiService } from '../openapi';
import type { SettableClock } from '../clock';
import { InvalidCloudPathError, type FileStore } from '../storage';

export interface GatewayDeps {
  runner: FunctionRunner;
  openapi: OpenApiService;
  clock: SettableClock;
  files: Pick<FileStore, 'put'>;
  /** More routes under /api, ahead of its 404 (e.g. a product's demo routes; see src/dev/). */
  extraRoutes?: Router;
  fireTimer: (functionName: string) => Promise<InvocationReport | undefined>;
  isReady: () => boolean;
}

const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** A 10 MB file as base64 in JSON (4/3 of it) with room to spare. */
const UPLOAD_BODY_LIMIT = '16mb';

/**
 * The development gateway (never deployed): what the H5 client, browser tests and acceptance
 * checks use instead of WeChat. Its contract is documented in README.md; keep it stable. Nothing
 * here knows the product: its demo routes come in as `extraRoutes` (src/dev/).
 */
export function gatewayRoutes(deps: GatewayDeps): Router {
  const api = express.Router();
  // The H5 client's stand-in for wx.cloud.uploadFile: a signed-in user puts a file into storage
  // (an avatar, a manager's customer import of up to 10 MB). Mounted before the 256 KB body limit of the
  // other routes, with its own.
  api.post('/storage/upload', express.json({ limit: UPLOAD_BODY_LIMIT }), (req: Request, res: Response) => {
    const openid = req.header('x-demo-openid');
    if (openid === undefined || !OPENID_PATTERN.test(openid)) {
      return void res.status(401).json({ ok: false, code: 'UNAUTHENTICATED', message: '上传文件需要演示身份' });
    }
    const { cloudPath, contentBase64 } = (req.body ?? {}) as Record<string, unknown>;
    if (typeof cloudPath !== 'string' || typeof contentBase64 !== 'string' || contentBase64.length === 0) {
      return void res
        .status(400)
        .json({ ok: false, code: 'INVALID_INPUT', message: '需要 cloudPath 和 contentBase64' });
    }
    try {
      res.json({ ok: true, fileID: deps.files.put(cloudPath, Buffer.from(contentBase64, 'base64')) });
    } catch (err) {
      if (!(err instanceof InvalidCloudPathError)) throw err;
      res.status(400).json({ ok: false, code: 'INVALID_CLOUD_PATH', message: '文件路径不正确' });
    }
  });

  api.use(express.json({ limit: '256kb' }));

  api.get('/health', (_req, res) => {
    if (!deps.isReady()) return void res.status(503).json({ ok: false, code: 'STARTING', message: '本地云正在启动' });
    res.json({
      ok: true,
      functions: deps.runner.definitions().map((f) => f.name),
      now: deps.clock.now().toISOString(),
    });
  });

  api.post('/functions/:name', async (req: Request, res: Response) => {
    const header = req.header('x-demo-openid');
    if (header !== undefined && !OPENID_PATTERN.test(header)) {
      return void res.status(400).json({ ok: false, code: 'INVALID_DEMO_OPENID', message: '演示身份格式不正确' });
    }
    const report = await deps.runner.invoke(String(req.params.name), req.body ?? {}, {
      openid: header,
      source: 'wx_client',
      clientIp: req.ip,
    });
    sendInvocation(res, report);
  });

  api.post('/trigger/:name', async (req: Request, res: Response) => {
    const report = await deps.fireTimer(String(req.params.name));
    if (!report) {
      return void res.status(404).json({ ok: false, code: 'NO_TIMER', message: '该云函数没有定时触发器' });
    }
    sendInvocation(res, report);
  });

  api.get('/outbox', (_req, res) => {
    res.json(deps.openapi.outbox());
  });

  api.post('/subscribe/grant', (req: Request, res: Response) => {
    const { openid, templateId, count } = (req.body ?? {}) as Record<string, unknown>;
    const valid =
      typeof openid === 'string' &&
      OPENID_PATTERN.test(openid) &&
      typeof templateId === 'string' &&
      templateId.length > 0 &&
      templateId.length <= 128 &&
      (count === undefined || (Number.isInteger(count) && (count as number) >= 1 && (count as number) <= 100));
    if (!valid) {
      return void res
        .status(400)
        .json({ ok: false, code: 'INVALID_INPUT', message: '需要 openid、templateId 和 1–100 的 count' });
    }
    res.json({ ok: true, ...deps.openapi.grant(openid, templateId, (count as number | undefined) ?? 1) });
  });

  api.get('/clock', (_req, res) => {
    res.json({ now: deps.clock.now().toISOString() });
  });

  api.post('/clock', (req: Request, res: Response) => {
    const now = (req.body ?? {}) as { now?: unknown };
    const target = typeof now.now === 'string' ? new Date(now.now) : undefined;
    if (!target || Number.isNaN(target.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(String(now.now))) {
      return void res.status(400).json({ ok: false, code: 'INVALID_INPUT', message: 'now 必须是 ISO 8601 时间' });
    }
    deps.clock.set(target);
    res.json({ now: deps.clock.now().toISOString() });
  });

  if (deps.extraRoutes) api.use(deps.extraRoutes);

  api.use((_req, res) => {
    res.status(404).json({ ok: false, code: 'NOT_FOUND', message: '接口不存在' });
  });
  return api;
}

function sendInvocation(res: Response, report: InvocationReport): void {
  const { outcome } = report;
  res.setHeader('X-Db-Round-Trips', String(report.dbRoundTrips));
  res.setHeader('X-Duration-Ms', String(outcome.durationMs));
  switch (outcome.status) {
    case 'ok':
      res.status(200).json(outcome.value);
      return;
    case 'not_found':
      res.status(404).json({ ok: false, code: 'FUNCTION_NOT_FOUND', message: '云函数不存在' });
      return;
    case 'timeout':
      res.status(504).json({ ok: false, code: 'FUNCTION_TIMEOUT', message: '云函数执行超时', errCode: -504003 });
      return;
    case 'error':
      res.status(500).json({ ok: false, code: 'FUNCTION_ERROR', message: '云函数执行出错', detail: outcome.error });
      return;
    case 'rejected':
      res.status(400).json({ ok: false, code: outcome.code, message: outcome.message, detail: outcome.detail });
      return;
  }
}
