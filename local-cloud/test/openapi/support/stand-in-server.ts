import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpenApiCaller, OpenApiService } from '../../../src/openapi';
import { FileStore, LOCAL_FILES_PREFIX, keyFromUrlPath } from '../../../src/storage';
import { trackRequests } from '../../support/drain';

/**
 * A minimal HTTP front for the tests (the product's gateway is someone else's module):
 * POST /inv/<id>/admin → OpenApiService (multipart) or FileStore (JSON), PUT/GET /local-files/<key>.
 */
export interface StandIn {
  baseUrl: string;
  adminUrl(invocationId: string): string;
  /** Which caller (function + config.json permissions) each invocation id stands for. */
  callers: Map<string, OpenApiCaller>;
  /** Swappable so a test can reopen the service on the same data dir. */
  openapi: OpenApiService | null;
  storage: FileStore | null;
  close(): Promise<void>;
}

export async function startStandIn(): Promise<StandIn> {
  const standIn: StandIn = {
    baseUrl: '',
    adminUrl: (id) => `${standIn.baseUrl}/inv/${id}/admin`,
    callers: new Map(),
    openapi: null,
    storage: null,
    // Waits for the SDK's requests in flight first, so that no suite's work is cut off mid-call.
    async close() {
      const quiet = await requests.drain();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!quiet) throw new Error('the SDK was still sending requests 30 s after the suite ended');
    },
  };
  const server = http.createServer((req, res) => {
    readBody(req)
      .then((body) => route(standIn, req, body))
      .then(({ status, contentType, body }) => {
        res.writeHead(status, { 'content-type': contentType, 'content-length': body.length });
        res.end(body);
      })
      .catch((err: Error) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(err.stack);
      });
  });
  const requests = trackRequests(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standIn.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return standIn;
}

interface Reply {
  status: number;
  contentType: string;
  body: Buffer;
}

async function route(standIn: StandIn, req: http.IncomingMessage, body: Buffer): Promise<Reply> {
  const url = new URL(req.url ?? '/', 'http://stand-in');
  const admin = /^\/inv\/([^/]+)\/admin$/.exec(url.pathname);
  if (admin && req.method === 'POST') return routeAdmin(standIn, admin[1], req.headers['content-type'] ?? '', body);
  if (url.pathname.startsWith(LOCAL_FILES_PREFIX) && standIn.storage) {
    const key = keyFromUrlPath(url.pathname.slice(LOCAL_FILES_PREFIX.length));
    if (key !== null && req.method === 'PUT') {
      standIn.storage.handlePut(key, body);
      return { status: 200, contentType: 'text/plain', body: Buffer.alloc(0) };
    }
    const bytes = key === null ? null : standIn.storage.read(key);
    if (bytes && req.method === 'GET') return { status: 200, contentType: 'application/octet-stream', body: bytes };
  }
  return { status: 404, contentType: 'text/plain', body: Buffer.from('not found') };
}

async function routeAdmin(standIn: StandIn, invocationId: string, contentType: string, body: Buffer): Promise<Reply> {
  if (contentType.startsWith('multipart/form-data')) {
    const caller = standIn.callers.get(invocationId);
    if (!standIn.openapi || !caller) throw new Error(`no openapi service or caller for invocation ${invocationId}`);
    return standIn.openapi.handleHttp(body, contentType, caller);
  }
  const params = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  const action = String(params.action);
  const reply =
    action.startsWith('storage.') && standIn.storage
      ? await standIn.storage.handleAction(action, params)
      : { code: 'INVALID_PARAM', message: `unsupported action ${action}`, requestId: 'test' };
  return { status: 200, contentType: 'application/json', body: Buffer.from(JSON.stringify(reply)) };
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
