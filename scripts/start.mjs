#!/usr/bin/env node
// npm start: build what is missing or stale, then run the local cloud serving everything.
//
// Independent steps run side by side: the cloud functions build (when their sources are newer
// than dist/cloudfunctions) and the H5 build (when client/ or shared/ sources are newer than
// client/dist/h5; webpack's persistent cache makes a rebuild after small changes quick). The local
// cloud starts as soon as the functions are there — seeding and `setup` overlap the H5 build — and
// announces itself once the H5 client is built too. `--rebuild` rebuilds both.
//
// Output: one line per step with its elapsed seconds. In a terminal the H5 build's own progress
// shows as well; elsewhere (CI, a log file) it goes to artifacts/start/h5-build.log, and its tail is
// printed only if it fails.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tty = Boolean(process.stdout.isTTY);
const rebuild = process.argv.includes('--rebuild');
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const say = (line) => console.log(`[start ${seconds(started).padStart(7)}] ${line}`);

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(p, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'test') continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry.name)));
  }
  return newest;
}

/** true when `output` is missing or older than any of `inputs`. */
function stale(output, inputs) {
  if (rebuild || !existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return inputs.some((input) => newestMtime(path.join(root, input)) > built);
}

/** Runs a build step; resolves when it succeeded, exits the whole start when it failed. */
function step(name, cmd, args, { log, hint = '' } = {}) {
  const since = Date.now();
  say(`${name}: building${hint}…`);
  return new Promise((resolve) => {
    const toFile = log && !tty;
    if (toFile) mkdirSync(path.dirname(log), { recursive: true });
    const child = spawn(cmd, args, { cwd: root, stdio: toFile ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    if (toFile) {
      const out = createWriteStream(log);
      child.stdout.pipe(out);
      child.stderr.pipe(out);
    }
    child.on('exit', (code) => {
      if (code === 0) {
        say(`${name}: built in ${seconds(since)}`);
        return resolve();
      }
      say(`${name}: FAILED after ${seconds(since)} (exit ${code})`);
      if (toFile && existsSync(log)) {
        const lines = readFileSync(log, 'utf8').split('\n');
        console.error(lines.slice(-40).join('\n'));
        console.error(`(full output: ${path.relative(root, log)})`);
      }
      process.exit(code ?? 1);
    });
  });
}

const functionsOut = path.join(root, 'dist', 'cloudfunctions');
const functionsBuild = stale(functionsOut, [
  'cloudfunctions',
  'shared/src',
  'scripts/build-functions.mjs',
  'package-lock.json',
])
  ? step('cloud functions', process.execPath, ['scripts/build-functions.mjs'])
  : (say('cloud functions: up to date'), Promise.resolve());

const h5Index = path.join(root, 'client', 'dist', 'h5', 'index.html');
const h5Build = stale(h5Index, [
  'client/src',
  'client/config',
  'client/package.json',
  'shared/src',
  'package-lock.json',
])
  ? step('H5 client', 'npm', ['run', 'build:h5', '--silent'], {
      log: path.join(root, 'artifacts', 'start', 'h5-build.log'),
      hint: existsSync(h5Index) ? '' : ' (the first build takes one to four minutes)',
    })
  : (say('H5 client: up to date'), Promise.resolve());

await functionsBuild;
say('local cloud: starting (seed on first start, then setup)…');
// The local cloud holds its "ready" (GET /api/health, the banner) until we say the client is built.
const cloud = spawn(process.execPath, ['--import', 'tsx', 'local-cloud/src/cli.ts'], {
  cwd: root,
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  env: { ...process.env, LOCAL_CLOUD_HOLD_READY: '1' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => cloud.kill(signal));
cloud.on('exit', (code) => process.exit(code ?? 0));
cloud.on('message', (m) => {
  if (m?.type === 'started') say('local cloud: up');
  if (m?.type === 'ready') say(`ready: ${m.url}/`);
});

await h5Build;
cloud.send({ type: 'client-built' });
