import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startTestCloud, type TestCloud } from '../../../local-cloud/test/support/local-cloud';

const root = path.resolve(__dirname, '..', '..', '..');
let built = false;

/** Builds the functions exactly as they are deployed, then runs them on a fresh local cloud. */
export async function startFunctionsCloud(options: { setup?: boolean } = {}): Promise<TestCloud> {
  if (!built) {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build-functions.mjs')], { stdio: 'pipe' });
    built = true;
  }
  const cloud = await startTestCloud({ functionsDir: path.join(root, 'dist', 'cloudfunctions') });
  if (options.setup !== false) {
    const { body } = await cloud.call('setup', { action: 'run' });
    if (!body.ok) throw new Error(`setup failed: ${JSON.stringify(body)}`);
  }
  return cloud;
}
