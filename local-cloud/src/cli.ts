/**
 * `npm start` ends here: the local WeChat Cloud + gateway + H5 client on one port. Composes the
 * emulator core (startLocalCloud) with this product's development stack (src/dev/: demo clinic
 * seed, demo identities and their route, the demo accounts' phone numbers).
 * Env: PORT (10086), LOCAL_CLOUD_DATA (data folder, default <project>/.local-cloud-data),
 * LOCAL_CLOUD_SEED=0 to skip the demo clinic, LOCAL_CLOUD_TIMERS=0 to disable timer triggers,
 * LOCAL_CLOUD_LOOPBACK_ONLY=1 to confine the function instances to loopback (the browser tests).
 */
import path from 'node:path';
import { demoAccountPhone, demoRoutes, demoWeCom, seedDemoClinic } from './dev';
import { projectRoot, startLocalCloud } from './local-cloud';

async function main(): Promise<void> {
  const root = projectRoot();
  const port = Number(process.env.PORT ?? 10086);
  const dataDir = path.resolve(process.env.LOCAL_CLOUD_DATA ?? path.join(root, '.local-cloud-data'));
  const cloud = await startLocalCloud({
    port,
    dataDir,
    functionsDir: path.join(root, 'dist', 'cloudfunctions'),
    staticDir: path.join(root, 'client', 'dist', 'h5'),
    gatewayRoutes: demoRoutes(),
    accountPhone: demoAccountPhone,
    wecom: demoWeCom(),
    timers: process.env.LOCAL_CLOUD_TIMERS !== '0',
    loopbackOnly: process.env.LOCAL_CLOUD_LOOPBACK_ONLY === '1',
    readyOnStart: false,
  });
  if (process.env.LOCAL_CLOUD_SEED !== '0') {
    const seeded = seedDemoClinic(cloud.db, cloud.clock.now(), cloud.files);
    if (seeded.seeded) console.log(`seeded the demo clinic: ${JSON.stringify(seeded.counts)}`);
  }
  // What a deployment does once: create the collections (the `setup` function, run as from the console).
  if (cloud.runner.has('setup')) {
    const { outcome } = await cloud.runner.invoke('setup', { action: 'run' }, { source: 'wx_console' });
    const result = outcome.status === 'ok' ? (outcome.value as { ok?: boolean }) : undefined;
    if (!result?.ok) throw new Error(`setup failed: ${JSON.stringify(outcome)}`);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await cloud.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // Started by scripts/start.mjs while the H5 client may still be building: ready once it is built.
  if (process.env.LOCAL_CLOUD_HOLD_READY === '1' && process.send) {
    // The parent went away (even by kill -9): do not linger.
    process.on('disconnect', () => void stop('disconnect'));
    process.send({ type: 'started', url: cloud.url });
    await new Promise<void>((resolve) => {
      process.on('message', (m: { type?: string }) => {
        if (m?.type === 'client-built') resolve();
      });
    });
  }
  cloud.markReady();
  process.send?.({ type: 'ready', url: cloud.url });
  console.log(
    `\n  本地云已启动 · local cloud ready\n  打开 Open: ${cloud.url}/\n  data: ${dataDir}\n  functions: ${cloud.runner
      .definitions()
      .map((f) => f.name)
      .join(', ')}\n`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
