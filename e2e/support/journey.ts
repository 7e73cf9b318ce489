import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startStack, stopStack, type Stack } from './stack';

/** A journey file's stack (fresh data folder) and browser: started before its tests, stopped after. */
export function journeyStack(): { readonly stack: Stack; readonly browser: Browser } {
  const env = {} as { stack: Stack; browser: Browser };
  beforeAll(async () => {
    env.stack = await startStack();
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    if (env.stack) await stopStack(env.stack);
  });
  return env;
}
