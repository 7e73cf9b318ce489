#!/usr/bin/env node
// npm start: build what is missing or stale (functions always — it takes a second; the H5 client
// when its sources are newer than the build), then run the local cloud serving everything.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run('node', ['scripts/build-functions.mjs']);

const h5Index = path.join(root, 'client', 'dist', 'h5', 'index.html');
const sourcesChanged =
  !existsSync(h5Index) ||
  Math.max(newestMtime(path.join(root, 'client', 'src')), newestMtime(path.join(root, 'shared', 'src'))) >
    statSync(h5Index).mtimeMs;
if (sourcesChanged || process.argv.includes('--rebuild')) {
  console.log('building the H5 client…');
  run('npm', ['run', 'build:h5', '--silent']);
}

const child = spawn(process.execPath, ['--import', 'tsx', 'local-cloud/src/cli.ts'], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
