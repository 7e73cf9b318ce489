import path from 'node:path';
import { demoAccountPhone, demoRoutes, demoWeCom } from '../../../local-cloud/src/dev';
import { startTestCloud, type TestCloud } from '../../../local-cloud/test/support/local-cloud';

const root = path.resolve(__dirname, '..', '..', '..');

/**
 * What these tests check is what the functions do; on a loaded 2-core machine a 3 s config.json
 * timeout turned 20 concurrent logins into FUNCTION_TIMEOUT before their first database request.
 * Latency against the configured timeouts is `npm run bench`'s business.
 */
const TEST_TIMEOUT_FLOOR_MS = 30_000;

/**
 * Runs the functions as deployed (built once per jest run by global-setup.js) on a fresh local cloud,
 * composed with the product's development stack (demo routes, the demo accounts' phone numbers)
 * as `npm start` composes it; startClinic adds the demo clinic seed.
 */
export async function startFunctionsCloud(options: { setup?: boolean } = {}): Promise<TestCloud> {
  const cloud = await startTestCloud({
    functionsDir: path.join(root, 'dist', 'cloudfunctions'),
    minTimeoutMs: TEST_TIMEOUT_FLOOR_MS,
    gatewayRoutes: demoRoutes(),
    accountPhone: demoAccountPhone,
    wecom: demoWeCom(),
  });
  if (options.setup !== false) {
    const { body } = await cloud.call('setup', { action: 'run' });
    if (!body.ok) throw new Error(`setup failed: ${JSON.stringify(body)}`);
  }
  return cloud;
}
