#!/usr/bin/env node
// Size of the weapp build (run after `npm run build:weapp`): `npm run size -w client`.
//
// main package = every file under dist/weapp outside the subpackage roots listed in app.json;
// total = every file. Source maps are left out of both (WeChat does not ship them).
// Exits 1 when the main package is over budget (WeChat's own limit is 2 MB; 450 KB keeps the first open fast
// on a slow phone and leaves the platform limit far away).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const KB = 1024;
const MAIN_BUDGET = 450 * KB;
const MAIN_PLATFORM_LIMIT = 2048 * KB;

const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.resolve(clientDir, process.argv[2] ?? 'dist/weapp');
const appJsonPath = path.join(distDir, 'app.json');

if (!existsSync(appJsonPath)) {
  console.error(
    `✖ ${path.relative(process.cwd(), appJsonPath)} not found: run \`npm run build:weapp -w client\` first.`,
  );
  process.exit(2);
}

const appJson = JSON.parse(readFileSync(appJsonPath, 'utf8'));
const subRoots = [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])].map((p) =>
  String(p.root).replace(/^\/+|\/+$/g, ''),
);

/** @returns {{ rel: string, size: number }[]} */
function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full);
    return [{ rel: path.relative(distDir, full).split(path.sep).join('/'), size: statSync(full).size }];
  });
}

const files = listFiles(distDir).filter((f) => !f.rel.endsWith('.map'));
const rootOf = (rel) => subRoots.find((root) => rel === root || rel.startsWith(root + '/'));

const sizes = { main: 0, total: 0, subs: Object.fromEntries(subRoots.map((r) => [r, 0])) };
for (const f of files) {
  sizes.total += f.size;
  const root = rootOf(f.rel);
  if (root) sizes.subs[root] += f.size;
  else sizes.main += f.size;
}

const fmt = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const pct = (bytes) => `${((bytes / MAIN_BUDGET) * 100).toFixed(0)}% of budget`;

console.log(`weapp package size (${path.relative(process.cwd(), distDir) || '.'}, source maps excluded)`);
console.log(
  `  main package   ${fmt(sizes.main).padStart(10)}   (${pct(sizes.main)} ${fmt(MAIN_BUDGET)}; platform limit ${fmt(MAIN_PLATFORM_LIMIT)})`,
);
for (const [root, size] of Object.entries(sizes.subs)) {
  console.log(`  ${(root + '/').padEnd(14)} ${fmt(size).padStart(10)}`);
}
console.log(`  total          ${fmt(sizes.total).padStart(10)}`);

const largest = files
  .filter((f) => !rootOf(f.rel))
  .sort((a, b) => b.size - a.size)
  .slice(0, 5);
console.log(`  largest in main: ${largest.map((f) => `${f.rel} ${fmt(f.size)}`).join(', ')}`);

if (sizes.main > MAIN_BUDGET) {
  console.error(
    `✖ The weapp main package is ${fmt(sizes.main)}, over its ${fmt(MAIN_BUDGET)} budget by ${fmt(sizes.main - MAIN_BUDGET)}. ` +
      'Move staff/admin code into their subpackages, drop heavy imports from customer pages, or raise the budget deliberately.',
  );
  process.exit(1);
}
console.log('✔ main package within budget');
