import express, { type Request, type Response, type Router } from 'express';
import { randomUUID } from 'node:crypto';
import type { CloudDatabase } from '../db';
import type { FileStore } from '../storage';
import type { OpenApiService } from '../openapi';
import type { FunctionRunner } from '../functions/function-runner';

export interface WireDeps {
  db: CloudDatabase;
  files: FileStore;
  openapi: OpenApiService;
  runner: FunctionRunner;
}

function requestId(): string {
  return randomUUID().replace(/-/g, '');
}

function reply(res: Response, body: Record<string, unknown>): void {
  // The SDK wants HTTP 200 and JSON for every answer, errors included (docs/wire-protocol.md §2–3).
  res
    .status(200)
    .type('application/json')
    .send(JSON.stringify({ requestId: requestId(), ...body }));
}

/**
 * The endpoint the unmodified wx-server-sdk talks to. Each function invocation gets its own URL
 * (`/inv/<invocationId>/admin`), which tells us whose call it is and lets us count round trips.
 */
export function wireRoutes(deps: WireDeps): Router {
  const router = express.Router();
  router.post(
    '/inv/:invocationId/admin',
    express.raw({ type: () => true, limit: '20mb' }),
    async (req: Request, res: Response) => {
      const invocation = deps.runner.invocations.get(String(req.params.invocationId));
      const contentType = req.headers['content-type'] ?? '';
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);

      if (contentType.startsWith('multipart/form-data')) {
        if (!invocation) return reply(res, { code: 'INVALID_REQUEST_SOURCE', message: 'unknown invocation' });
        const answer = await deps.openapi.handleHttp(raw, contentType, {
          functionName: invocation.functionName,
          openid: invocation.caller.openid ?? '',
          permissions: invocation.openapiPermissions,
        });
        res.status(answer.status).type(answer.contentType).send(answer.body);
        return;
      }

      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      } catch {
        return reply(res, { code: 'INVALID_PARAM', message: 'request body is not JSON' });
      }
      const action = typeof body.action === 'string' ? body.action : '';

      if (action.startsWith('database.')) {
        if (invocation) invocation.dbRoundTrips += 1;
        return reply(res, deps.db.handle(action, body));
      }
      if (action.startsWith('storage.')) return reply(res, await deps.files.handleAction(action, body));
      if (action === 'functions.invokeFunction') {
        const name = String(body.function_name ?? '');
        if (!deps.runner.has(name)) {
          return reply(res, {
            code: 'FUNCTIONS_EXECUTE_FAIL',
            message: `FunctionName parameter could not be found: ${name}`,
          });
        }
        let event: unknown;
        try {
          event = JSON.parse(String(body.request_data ?? '{}'));
        } catch {
          return reply(res, { code: 'INVALID_PARAM', message: 'request_data is not JSON' });
        }
        // A function calling a function acts for the same user (the caller's identity goes along).
        const caller = invocation?.caller ?? { source: 'wx_server' };
        const report = await deps.runner.invoke(name, event, caller);
        const { outcome } = report;
        if (outcome.status === 'ok') return reply(res, { data: { response_data: JSON.stringify(outcome.value) } });
        if (outcome.status === 'rejected') return reply(res, { code: 'INVALID_PARAM', message: outcome.detail });
        const message = outcome.status === 'timeout' ? 'Invoking task timed out' : `function failed: ${name}`;
        return reply(res, { code: 'FUNCTIONS_EXECUTE_FAIL', message });
      }
      return reply(res, {
        code: 'INVALID_PARAM',
        message: `action ${action || '(none)'} is not supported by the local cloud`,
      });
    },
  );

  // Direct uploads and downloads of the file store (the URLs storage.* hands out).
  router.put('/local-files/*key', express.raw({ type: () => true, limit: '20mb' }), (req: Request, res: Response) => {
    try {
      deps.files.handlePut(fileKey(req), Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
    } catch (e) {
      // COS answers failures in XML; the SDK reads `<Error><Code>` as a failed upload.
      const message = e instanceof Error ? e.message : 'invalid key';
      res
        .status(400)
        .type('application/xml')
        .send(`<Error><Code>InvalidArgument</Code><Message>${message}</Message></Error>`);
      return;
    }
    res.status(200).send('');
  });
  router.get('/local-files/*key', (req: Request, res: Response) => {
    const bytes = deps.files.read(fileKey(req));
    if (!bytes) return void res.status(404).send('not found');
    res
      .status(200)
      .type(guessType(fileKey(req)))
      .send(bytes);
  });
  return router;
}

function fileKey(req: Request): string {
  const key = (req.params as Record<string, unknown>).key;
  return (Array.isArray(key) ? key.join('/') : String(key ?? '')).replace(/^\/+/, '');
}

function guessType(key: string): string {
  if (key.endsWith('.png')) return 'image/png';
  if (key.endsWith('.jpg') || key.endsWith('.jpeg')) return 'image/jpeg';
  return 'application/octet-stream';
}
