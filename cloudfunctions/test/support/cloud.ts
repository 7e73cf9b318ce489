import path from 'node:path';
import { startTestCloud, type TestCloud } from '../../../local-cloud/test/support/local-cloud';

const root = path.resolve(__dirname, '..', '..', '..');

/**
 * Runs the functions as deployed (built once per jest run by global-setup.js) on a fresh local cloud.
 */
export async function startFunctionsCloud(options: { setup?: boolean } = {}): Promise<TestCloud> {
  const cloud = await startTestCloud({ functionsDir: path.join(root, 'dist', 'cloudfunctions') });
  if (options.setup !== false) {
    const { body } = await cloud.call('setup', { action: 'run' });
    if (!body.ok) throw new Error(`setup failed: ${JSON.stringify(body)}`);
  }
  return cloud;
}
