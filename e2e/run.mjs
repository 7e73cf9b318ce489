#!/usr/bin/env node
// Runs the browser journeys (jest + playwright-core + Debian chromium) and writes reports/e2e-results.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from '../scripts/ensure-chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromium = ensureChromium();
mkdirSync(path.join(root, 'reports'), { recursive: true });
const r = spawnSync(
  'npx',
  ['jest', '-c', 'e2e/jest.config.js', '--json', '--outputFile=reports/e2e-results.json', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } },
);
process.exit(r.status ?? 1);
