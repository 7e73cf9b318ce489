#!/usr/bin/env node
// The referral journeys under miniprogram-automator in WeChat DevTools (the weapp build, the real
// WeChat Cloud environment of the DevTools project). See README.md beside this file.
//
//   WECHAT_DEVTOOLS_CLI=/path/to/cli node e2e/automator/run.mjs
//
// Without WECHAT_DEVTOOLS_CLI it prints one line and exits 0 (machines without DevTools, CI).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cliPath = process.env.WECHAT_DEVTOOLS_CLI;
if (!cliPath) {
  console.log('miniprogram-automator suite: not run (WECHAT_DEVTOOLS_CLI not set)');
  process.exit(0);
}
if (!existsSync(cliPath)) {
  console.error(`miniprogram-automator suite: WECHAT_DEVTOOLS_CLI=${cliPath} does not exist`);
  process.exit(2);
}
const projectPath = path.resolve(process.env.WECHAT_PROJECT_PATH ?? root);
if (!existsSync(path.join(root, 'client', 'dist', 'weapp', 'app.json'))) {
  console.error('miniprogram-automator suite: build the mini-program first (npm run build:weapp)');
  process.exit(2);
}

const { default: automator } = await import('miniprogram-automator');
const { journeys } = await import('./journeys.mjs');

const miniProgram = await automator.launch({ cliPath, projectPath, trustProject: true });
let failed = 0;
try {
  for (const journey of journeys) {
    const started = Date.now();
    try {
      const note = await journey.run(miniProgram);
      console.log(`✔ ${journey.name}${note ? ` — ${note}` : ''} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      console.error(`✖ ${journey.name}\n  ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
} finally {
  await miniProgram.close();
}
console.log(`miniprogram-automator suite: ${journeys.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
