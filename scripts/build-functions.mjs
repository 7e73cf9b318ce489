#!/usr/bin/env node
// Bundles each cloud function (its code plus what it uses from shared/) into a folder that WeChat
// DevTools or miniprogram-ci uploads unchanged: index.js, package.json (runtime dep: wx-server-sdk only),
// config.json. Output: dist/cloudfunctions/<name>/ (project.config.json's cloudfunctionRoot).
import { build } from 'esbuild';
import { readdir, readFile, writeFile, mkdir, rm, rename, copyFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = path.join(root, 'cloudfunctions');
const outRoot = path.join(root, 'dist', 'cloudfunctions');

const sdkVersion = JSON.parse(await readFile(path.join(sourceDir, 'package.json'), 'utf8')).dependencies[
  'wx-server-sdk'
];

async function functionNames() {
  const entries = await readdir(sourceDir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && existsSync(path.join(sourceDir, e.name, 'config.json')))
    .map((e) => e.name)
    .sort();
}

const names = await functionNames();
// Build beside the live folder and swap it in at the end, so that a running local cloud (or a
// parallel test worker) never sees a half-written or missing function.
const staging = path.join(root, 'dist', `.cloudfunctions-${process.pid}`);
await rm(staging, { recursive: true, force: true });
const started = Date.now();
for (const name of names) {
  const out = path.join(staging, name);
  await mkdir(out, { recursive: true });
  await build({
    entryPoints: [path.join(sourceDir, name, 'src', 'index.ts')],
    outfile: path.join(out, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16', // WeChat Cloud's Node.js 16 runtime
    format: 'cjs',
    external: ['wx-server-sdk'],
    legalComments: 'none',
    logLevel: 'warning',
  });
  await copyFile(path.join(sourceDir, name, 'config.json'), path.join(out, 'config.json'));
  const pkg = {
    name,
    version: '1.0.0',
    private: true,
    main: 'index.js',
    dependencies: { 'wx-server-sdk': sdkVersion },
  };
  await writeFile(path.join(out, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  const { size } = await stat(path.join(out, 'index.js'));
  console.log(`  ${name.padEnd(16)} ${(size / 1024).toFixed(1)} KB`);
}
const retired = path.join(root, 'dist', `.cloudfunctions-old-${process.pid}`);
if (existsSync(outRoot)) await rename(outRoot, retired);
await rename(staging, outRoot);
await rm(retired, { recursive: true, force: true });
console.log(`built ${names.length} function(s) into ${path.relative(root, outRoot)} in ${Date.now() - started} ms`);
