#!/usr/bin/env node
// npm test: everything, in the order a failure is cheapest to see.
// typecheck → build functions → jest (unit + local cloud + functions, coverage gate on shared/)
// → weapp build + package size budget → H5 build → browser journeys → DevTools journeys (where configured).
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './ensure-chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = [];

function step(name, cmd, args, opts = {}) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...opts.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name, ok: r.status === 0, seconds });
  if (r.status !== 0) finish();
}

function finish() {
  console.log('\n━━ summary ━━');
  for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds} s)`);
  const counts = readCounts();
  if (counts) console.log(`\n${counts.passed} passed, ${counts.failed} failed`);
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}

// Jest and the journeys each write a JSON summary; the closing line adds them up.
function readCounts() {
  let passed = 0;
  let failed = 0;
  let any = false;
  for (const file of ['reports/jest-results.json', 'reports/e2e-results.json']) {
    const p = path.join(root, file);
    if (!existsSync(p)) continue;
    const json = JSON.parse(readFileSync(p, 'utf8'));
    passed += json.numPassedTests ?? 0;
    failed += json.numFailedTests ?? 0;
    any = true;
  }
  return any ? { passed, failed } : undefined;
}

const chromium = ensureChromium();
spawnSync('rm', ['-rf', 'reports'], { cwd: root });
spawnSync('mkdir', ['-p', 'reports', 'artifacts'], { cwd: root });
step('typecheck', 'npm', ['run', 'typecheck', '--silent']);
step('build cloud functions', 'node', ['scripts/build-functions.mjs']);
step('jest (shared, local cloud, functions, client)', 'npx', [
  'jest',
  '--coverage',
  '--json',
  '--outputFile=reports/jest-results.json',
]);
step('weapp build', 'npm', ['run', 'build:weapp', '--silent']);
step('weapp package size budget', 'npm', ['run', 'size', '-w', 'client', '--silent']);
step('H5 build', 'npm', ['run', 'build:h5', '--silent']);
step('browser journeys (H5 + local cloud, Debian chromium)', 'node', ['e2e/run.mjs'], {
  env: { CHROMIUM_PATH: chromium },
});
// Runs where WeChat DevTools is configured (WECHAT_DEVTOOLS_CLI); elsewhere it says "not run".
step('miniprogram-automator journeys (WeChat DevTools)', 'node', ['e2e/automator/run.mjs']);
finish();
