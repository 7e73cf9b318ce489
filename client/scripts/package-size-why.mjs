#!/usr/bin/env node
// What each dependency costs in the weapp main package: `npm run size:why -w client`.
//
// Builds the weapp with WEAPP_STATS set (config/bundle-stats.ts writes webpack's module list), then
// sums the modules of every chunk that lands in the main package by where they come from: an npm
// package, a folder of @clinic/shared, or a client source folder. Sizes are before minification
// (webpack does not know the minified size of a module), so read them as shares, not bytes shipped;
// `npm run size` gives the shipped sizes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const statsFile = path.join(mkdtempSync(path.join(tmpdir(), 'weapp-stats-')), 'stats.json');
const TOP = Number(process.argv[2] ?? 25);

execFileSync('npx', ['taro', 'build', '--type', 'weapp'], {
  cwd: clientDir,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, WEAPP_STATS: statsFile },
});

const stats = JSON.parse(readFileSync(statsFile, 'utf8'));
const appJson = JSON.parse(readFileSync(path.join(clientDir, 'dist/weapp/app.json'), 'utf8'));
const subRoots = (appJson.subPackages ?? []).map((p) => String(p.root).replace(/^\/+|\/+$/g, ''));
const inMain = (chunkName) => !subRoots.some((root) => chunkName === root || chunkName.startsWith(root + '/'));

/** npm package, `shared/<folder>`, or the client source folder a module comes from. */
function originOf(fullName) {
  const name = fullName.slice(fullName.lastIndexOf('!') + 1); // drop loader prefixes (`…page.js!./src/pages/…`)
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(name);
  if (pkg) return pkg[1];
  const shared = /(?:^|\/)shared\/src\/([^/.]+)/.exec(name);
  if (shared) return `@clinic/shared ${shared[1]}/`;
  const local = /^\.\/src\/((?:[^/]+\/){0,2})/.exec(name);
  return local ? `client src/${local[1]}` : name;
}

const byOrigin = new Map();
let total = 0;
for (const chunk of stats.chunks ?? []) {
  const name = (chunk.names ?? [])[0] ?? String(chunk.id);
  if (!inMain(name)) continue;
  for (const mod of chunk.modules ?? []) {
    for (const inner of mod.modules ?? [mod]) {
      const key = originOf(inner.name ?? '');
      byOrigin.set(key, (byOrigin.get(key) ?? 0) + inner.size);
      total += inner.size;
    }
  }
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
console.log(`weapp main package by origin (source size before minification, total ${kb(total).trim()})`);
for (const [key, size] of [...byOrigin].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
  console.log(`  ${kb(size)}  ${((size / total) * 100).toFixed(1).padStart(4)} %  ${key}`);
}
const wxml = readdirSync(path.join(clientDir, 'dist/weapp')).filter((f) => f.endsWith('.wxml'));
console.log(`(templates such as ${wxml.join(', ')} and styles are not modules; see npm run size)`);
