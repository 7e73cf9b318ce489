import { OpenApiService, type OpenApiCaller } from '../../../src/openapi';
import { FileStore } from '../../../src/storage';
import { startStandIn, type StandIn } from './stand-in-server';
import { makeTempDir, removeDir } from './temp-dir';
import { ENV_ID, loadCloud, pointSdkAt, type WxCloud } from './wx-cloud';

/** Emulated clock: advances one second per read so outbox entries have distinct, ordered times. */
export function steppingClock(startIso: string): () => Date {
  let t = Date.parse(startIso);
  return () => new Date((t += 1000));
}

export interface OpenApiFixture {
  standIn: StandIn;
  cloud: WxCloud;
  dataDir: string;
  service: () => OpenApiService;
  storage: FileStore;
  /** Route the next SDK calls as `caller` (one invocation id per caller). */
  callAs(caller: OpenApiCaller): void;
  /** Close the service and open a new one on the same data dir, as after a restart. */
  reopen(): OpenApiService;
  dispose(): Promise<void>;
}

export async function openApiFixture(label: string): Promise<OpenApiFixture> {
  const dataDir = makeTempDir(label);
  const standIn = await startStandIn();
  const now = steppingClock('2026-01-05T01:00:00.000Z');
  const storage = new FileStore({ dataDir, envId: ENV_ID, publicBaseUrl: () => standIn.baseUrl });
  standIn.storage = storage;
  standIn.openapi = new OpenApiService({ dataDir, now, storage });
  pointSdkAt(standIn.adminUrl('unset'));
  const cloud = loadCloud();
  let invocations = 0;
  const service = (): OpenApiService => {
    if (!standIn.openapi) throw new Error('service closed');
    return standIn.openapi;
  };
  return {
    standIn,
    cloud,
    dataDir,
    service,
    storage,
    callAs(caller) {
      const id = `inv-${++invocations}`;
      standIn.callers.set(id, caller);
      pointSdkAt(standIn.adminUrl(id), caller.openid);
    },
    reopen() {
      service().close();
      standIn.openapi = new OpenApiService({ dataDir, now, storage });
      return standIn.openapi;
    },
    async dispose() {
      standIn.openapi?.close();
      await standIn.close();
      removeDir(dataDir);
    },
  };
}
