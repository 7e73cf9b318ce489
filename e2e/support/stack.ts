import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface Stack {
  url: string;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
}

/** Runs the product the way `npm start` does (local cloud + gateway + built H5) on a free port. */
export async function startStack(options: { dataDir?: string; port?: number } = {}): Promise<Stack> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'clinic-stack-'));
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'local-cloud/src/cli.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      LOCAL_CLOUD_DATA: dataDir,
      LOCAL_CLOUD_TIMERS: '0',
      // The functions reach the local cloud and nothing else.
      LOCAL_CLOUD_LOOPBACK_ONLY: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  // Seeding and `setup` take a few seconds; a loaded 2-core machine may take many more.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the stack exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the stack did not become healthy in 180 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, dataDir, child, output: () => output };
}

export async function stopStack(stack: Stack, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (stack.child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    stack.child.once('exit', () => resolve());
    stack.child.kill(signal);
  });
}
