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
    /**
     * Waits for the invocations still running (a timed-out test's calls, a timer's run) to end —
     * each is bounded by its function's timeout — then closes the cloud and removes its data. If
     * they are still running after 45 s it closes anyway (killing them) and rejects.
     */
    async stop() {
      const deadline = Date.now() + 45_000;
      while (cloud.runner.running() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      const left = cloud.runner.running();
      await cloud.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      if (left > 0) throw new Error(`${left} invocation(s) still running 45 s after the suite ended; killed`);
    },
  };
}
