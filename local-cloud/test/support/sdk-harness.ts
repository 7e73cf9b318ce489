/**
 * Drives the REAL, unmodified wx-server-sdk against a function of your choice.
 *
 * Starts a bare `http` server on 127.0.0.1:0 that answers `POST /inv/<anything>/admin?env=…&seqId=…` by calling
 * `handler(action, body, request)` with the parsed JSON body, adds `requestId`, and replies HTTP 200 JSON (the SDK
 * needs JSON at any status, docs/wire-protocol.md §2). Points the SDK at it through `process.env` only (docs/wire-protocol.md §1's minimal
 * working set), then `require('wx-server-sdk')` and `cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })`.
 *
 * The SDK is a per-module-registry singleton whose `init` works once (docs/wire-protocol.md §10): start one harness per jest file.
 * The environment is in place before the SDK is required, and close() restores it only once the SDK's work is done.
 * Non-JSON bodies (multipart `wx.openApi`) reach the handler with `action: ''`, `body: {}` and the raw bytes.
 */
import { createServer, type IncomingHttpHeaders } from 'http';
import type { AddressInfo } from 'net';
import { sdkEnvironment } from '../../src/functions/sdk-environment';
import { DRAIN_LIMIT_MS, trackRequests } from './drain';

/** wx-server-sdk 4.0.2's own typings do not compile under `strict` (docs/platform-limits.md), so tests hold it loosely. */

export type Loose = any;

export interface WireRequest {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  raw: Buffer;
}

export type WireHandler = (
  action: string,
  body: Record<string, unknown>,
  request: WireRequest,
) => Record<string, unknown> | Promise<Record<string, unknown>>;

export interface HarnessOptions {
  /** Env id for TCB_ENV / SCF_NAMESPACE. Default 'local-env'. */
  envId?: string;
  /** The `<id>` in `/inv/<id>/admin`. Default 'test'. */
  invocation?: string;
  /** Extra or overriding process.env values (e.g. WX_OPENID). */
  env?: Record<string, string>;
  /** How long close() waits for the SDK's requests still in flight. Default 30 s. */
  drainLimitMs?: number;
}

export interface SdkHarness {
  cloud: Loose;
  db: Loose;
  /** The URL in TCB_CONTEXT_CNFG. */
  url: string;
  port: number;
  /**
   * Waits until the SDK's requests in flight are done and it has gone quiet, then stops the server
   * and restores process.env. If the SDK is still busy after `drainLimitMs`, it stops the server
   * but leaves the environment pointing at it (so leftovers fail on loopback, never elsewhere) and
   * rejects: some test did not wait for its own work.
   */
  close(): Promise<void>;
}

const ADMIN_PATH = /^\/inv\/[^/]+\/admin$/;

function sdkEnv(url: string, opts: HarnessOptions): Record<string, string> {
  const envId = opts.envId ?? 'local-env';
  return {
    ...sdkEnvironment(envId),
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: url }),
    WX_OPENID: 'test-openid',
    WX_APPID: 'wx-test-appid',
    WX_UNIONID: 'test-unionid',
    WX_CLIENTIP: '127.0.0.1',
    WX_API_TOKEN: 'test-api-token',
    TCB_SOURCE: 'wx_client',
    ...opts.env,
  };
}

function applyEnv(values: Record<string, string>): () => void {
  const saved = new Map<string, string | undefined>();
  for (const [k, v] of Object.entries(values)) {
    saved.set(k, process.env[k]);
    process.env[k] = v;
  }
  return () => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

export async function startSdkHarness(handler: WireHandler, opts: HarnessOptions = {}): Promise<SdkHarness> {
  let seq = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
      const send = (status: number, payload: Record<string, unknown>): void => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(payload));
      };
      if (req.method !== 'POST' || !ADMIN_PATH.test(parsed.pathname)) {
        send(404, { code: 'INVALID_PARAM', message: `no route ${req.method} ${parsed.pathname}` });
        return;
      }
      const raw = Buffer.concat(chunks);
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      } catch {
        body = {}; // multipart (openapi): the handler gets the raw bytes
      }
      const action = typeof body.action === 'string' ? body.action : '';
      const requestId = `harness-req-${++seq}`;
      Promise.resolve()
        .then(() =>
          handler(action, body, { path: parsed.pathname, query: parsed.searchParams, headers: req.headers, raw }),
        )
        .then(
          (reply) => send(200, { requestId, ...reply }),
          (err: unknown) =>
            send(200, { requestId, code: 'SYS_ERR', message: err instanceof Error ? err.message : String(err) }),
        );
    });
  });
  const requests = trackRequests(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/inv/${opts.invocation ?? 'test'}/admin`;
  const restoreEnv = applyEnv(sdkEnv(url, opts));

  // Loaded only after the environment is in place; `require` keeps it out of the typed world (see Loose).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as Loose;
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

  return {
    cloud,
    db: cloud.database(),
    url,
    port,
    async close() {
      const limitMs = opts.drainLimitMs ?? DRAIN_LIMIT_MS;
      const quiet = await requests.drain(limitMs);
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
      if (!quiet) {
        throw new Error(
          `the SDK was still sending requests ${limitMs} ms after the suite ended: a test did not wait for its own work`,
        );
      }
      restoreEnv();
    },
  };
}
