import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../src/local-cloud';

export const FIXTURE_FUNCTIONS = path.join(__dirname, '..', 'fixtures', 'functions');

export interface TestCloud extends LocalCloud {
  dataDir: string;
  call(name: string, event: unknown, openid?: string): Promise<{ status: number; body: any; headers: Headers }>;
  api(method: 'GET' | 'POST', route: string, body?: unknown): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

/** A local cloud on a free port with a fresh data folder (removed on stop). */
export async function startTestCloud(options: Partial<LocalCloudOptions> = {}): Promise<TestCloud> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'local-cloud-test-'));
  const logs: string[] = [];
  const cloud = await startLocalCloud({
    port: 0,
    dataDir,
    functionsDir: FIXTURE_FUNCTIONS,
    seed: false,
    timers: false,
    // Function instances of tests reach the local cloud and nothing else.
    loopbackOnly: true,
    log: (line) => logs.push(line),
    ...options,
  });
  const call: TestCloud['call'] = async (name, event, openid) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (openid) headers['x-demo-openid'] = openid;
    const res = await fetch(`${cloud.url}/api/functions/${name}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(event),
    });
    return { status: res.status, body: await res.json(), headers: res.headers };
  };
  const api: TestCloud['api'] = async (method, route, body) => {
    const res = await fetch(`${cloud.url}/api${route}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  return {
    ...cloud,
    dataDir,
    call,
    api,
    async stop() {
      await cloud.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
