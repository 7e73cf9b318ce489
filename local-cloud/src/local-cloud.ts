import express, { type Router } from 'express';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SettableClock } from './clock';
import { WeComStandIn, wecomEnvironment, type WeComConfig } from './wecom/stand-in';
import { CloudDatabase } from './db';
import { FileStore } from './storage';
import { OpenApiService } from './openapi';
import { FunctionRunner, type InvocationReport } from './functions/function-runner';
import { loadFunctions } from './functions/registry';
import { TimerScheduler } from './functions/timers';
import { wireRoutes } from './http/wire-routes';
import { gatewayRoutes } from './http/gateway';

export interface LocalCloudOptions {
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  dataDir: string;
  functionsDir: string;
  /** The built H5 client served at `/`; omitted in function-only tests. */
  staticDir?: string;
  envId?: string;
  timers?: boolean;
  /** More gateway routes under /api (the product's demo routes, src/dev/). */
  gatewayRoutes?: Router;
  /** The phone number of each emulated WeChat account (phonenumber.getPhoneNumber). Default: none. */
  accountPhone?: (openid: string) => string | undefined;
  maxInstancesPerFunction?: number;
  /**
   * A floor under every function's configured timeout. Integration tests of the product's functions
   * set it: they check what the functions do, and a loaded test machine must not turn that into
   * FUNCTION_TIMEOUT. Omitted (npm start, the local cloud's own tests): config.json's value as is.
   */
  minTimeoutMs?: number;
  /** Function instances may reach loopback only: anything else throws (tests). */
  loopbackOnly?: boolean;
  /**
   * Serve a 企业微信 stand-in at `/wecom` for this corp, and give every function the environment a
   * real deployment configures for it (WECOM_API_BASE, WECOM_CORP_ID, WECOM_AGENT_ID, WECOM_SECRET,
   * WECOM_MINIPROGRAM_APPID). Omitted: no WeCom; functions see none of these variables.
   */
  wecom?: WeComConfig;
  /** False when the caller still has start-up work (e.g. running `setup`); it then calls markReady(). */
  readyOnStart?: boolean;
  log?: (line: string) => void;
}

export interface LocalCloud {
  url: string;
  port: number;
  db: CloudDatabase;
  clock: SettableClock;
  openapi: OpenApiService;
  runner: FunctionRunner;
  /** Cloud storage, for what a deployment puts there from the console (a seed's pictures). */
  files: Pick<FileStore, 'put'>;
  /** The 企业微信 stand-in, when `wecom` was configured. */
  wecom?: WeComStandIn;
  /** From now on GET /api/health answers 200. */
  markReady(): void;
  close(): Promise<void>;
}

export const DEFAULT_ENV_ID = 'local-dev';

/**
 * Starts the local WeChat Cloud: database, storage, openapi, function runner, timers and the
 * generic development gateway. Product-specific parts (seed, demo routes) are added by the caller.
 */
export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const log = options.log ?? ((line: string) => console.log(line));
  const envId = options.envId ?? DEFAULT_ENV_ID;
  mkdirSync(options.dataDir, { recursive: true });

  const clock = new SettableClock(options.dataDir);
  const db = CloudDatabase.open({ dataDir: options.dataDir, now: () => clock.now() });
  let baseUrl = '';
  const files = new FileStore({ dataDir: options.dataDir, envId, publicBaseUrl: () => baseUrl });
  const { accountPhone } = options;
  const openapi = new OpenApiService({
    dataDir: options.dataDir,
    now: () => clock.now(),
    storage: files,
    accountPhone,
  });
  const functions = loadFunctions(options.functionsDir);
  const floor = options.minTimeoutMs;
  if (floor !== undefined) for (const fn of functions.values()) fn.timeoutMs = Math.max(fn.timeoutMs, floor);
  const runner = new FunctionRunner(functions, {
    envId,
    wireBaseUrl: () => baseUrl,
    nowMs: () => clock.nowMs(),
    maxInstancesPerFunction: options.maxInstancesPerFunction ?? 4,
    loopbackOnly: options.loopbackOnly,
    ...(options.wecom ? { functionEnv: () => wecomEnvironment(options.wecom as WeComConfig, `${baseUrl}/wecom`) } : {}),
    log: (fn, line) => log(`[fn:${fn}] ${line}`),
  });
  const wecom = options.wecom
    ? new WeComStandIn({ config: options.wecom, now: () => clock.now(), record: (e) => openapi.recordExternal(e) })
    : undefined;

  const fireTimer = async (name: string, atMs = clock.nowMs()): Promise<InvocationReport | undefined> => {
    const fn = functions.get(name);
    const trigger = fn?.timers[0];
    if (!fn || !trigger) return undefined;
    const event = { Type: 'Timer', TriggerName: trigger.name, Time: new Date(atMs).toISOString() };
    return runner.invoke(name, event, { source: 'wx_trigger' });
  };

  let ready = options.readyOnStart !== false;
  const app = express();
  app.disable('x-powered-by');
  app.use(wireRoutes({ db, files, openapi, runner }));
  if (wecom) app.use('/wecom', wecom.router());
  app.use(
    '/api',
    gatewayRoutes({
      runner,
      openapi,
      clock,
      files,
      extraRoutes: options.gatewayRoutes,
      fireTimer,
      isReady: () => ready,
    }),
  );
  // Mounted even before the folder exists: `npm start` builds the client while the cloud starts.
  if (options.staticDir) app.use(express.static(options.staticDir));
  app.use((err: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    const status = (err as { status?: number }).status ?? 500;
    if (status === 413) {
      return void res.status(413).json({ ok: false, code: 'PAYLOAD_TOO_LARGE', message: '请求体过大，无法处理' });
    }
    res
      .status(status)
      .json({ ok: false, code: status === 400 ? 'INVALID_JSON' : 'GATEWAY_ERROR', message: '请求无法处理' });
  });

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port, options.host ?? '127.0.0.1', () => resolve(s));
    s.on('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  const scheduler = new TimerScheduler(
    () => runner.definitions(),
    () => clock.nowMs(),
    (fn, trigger, atMs) => {
      log(`timer ${fn.name}/${trigger.name} fired for ${new Date(atMs).toISOString()}`);
      void fireTimer(fn.name, atMs);
    },
  );
  if (options.timers !== false) scheduler.start();

  return {
    url: baseUrl,
    port,
    db,
    clock,
    openapi,
    runner,
    files: { put: (cloudPath, bytes) => files.put(cloudPath, bytes) },
    ...(wecom ? { wecom } : {}),
    markReady() {
      ready = true;
    },
    async close() {
      scheduler.stop();
      runner.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      openapi.close();
      db.close();
    },
  };
}

export function projectRoot(): string {
  return path.resolve(__dirname, '..', '..');
}
