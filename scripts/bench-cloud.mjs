// A throwaway local cloud for the benchmarks: `npm start`'s process (demo clinic seeded, timers off)
// on a free port with its own data folder, removed on stop.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export async function startBenchCloud(root, prefix) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'local-cloud/src/cli.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      LOCAL_CLOUD_DATA: dataDir,
      LOCAL_CLOUD_TIMERS: '0',
      LOCAL_CLOUD_SEED: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const kill = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.on('exit', kill);
  const stop = async () => {
    kill();
    await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r()));
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`local cloud exited (${child.exitCode})`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error('local cloud did not become healthy within 90 s');
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** One request to the database wire (what wx-server-sdk sends), again when a kept-alive socket closed under it. */
export async function wire(url, body) {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(`${url}/inv/bench/admin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return await res.json();
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

/** Inserts through the database wire, `batch` documents a request; creates the collection if `setup` has not yet. */
export async function insertAll(url, collectionName, docs, batch = 1000) {
  await wire(url, { action: 'database.addCollection', collectionName }); // an existing one answers an error: fine
  for (let i = 0; i < docs.length; i += batch) {
    const body = await wire(url, {
      action: 'database.insertDocument',
      collectionName,
      data: docs.slice(i, i + batch).map((d) => JSON.stringify(d)),
    });
    if (body.code) throw new Error(`insert into ${collectionName} failed: ${JSON.stringify(body)}`);
  }
}

/** Empties a collection through the database wire (e.g. the demo seed's roll-ups, before a bench writes its own). */
export async function removeAll(url, collectionName) {
  const body = await wire(url, { action: 'database.removeDocument', collectionName, query: '{}', multi: true });
  if (body.code) throw new Error(`emptying ${collectionName} failed: ${JSON.stringify(body)}`);
}
