import { encodeEvent } from './event-codec';
import { InstancePool, type InvocationOutcome } from './instance-pool';
import { InvocationRegistry, type Caller, type Invocation } from './invocations';
import type { FunctionDefinition } from './registry';
import { sdkEnvironment } from './sdk-environment';

export const DEFAULT_APPID = 'wx0000000000local';

export interface RunnerOptions {
  envId: string;
  /** Base URL of the wire endpoint, e.g. http://127.0.0.1:10086 (the SDK appends nothing but its query). */
  wireBaseUrl: () => string;
  nowMs: () => number;
  maxInstancesPerFunction: number;
  /** Instances may reach loopback only (loopback-guard.ts); tests set it. */
  loopbackOnly?: boolean;
  /** More environment variables every instance gets (a function's 环境变量 in the console), read when an instance starts. */
  functionEnv?: () => Record<string, string>;
  log: (functionName: string, line: string) => void;
}

/** The platform refused the call before any instance saw it (the event cannot be delivered). */
export interface RejectedOutcome {
  status: 'rejected';
  code: string;
  /** Chinese, for the caller. */
  message: string;
  detail: string;
  durationMs: 0;
}

export interface InvocationReport {
  outcome: InvocationOutcome | RejectedOutcome | { status: 'not_found'; durationMs: 0 };
  invocationId: string;
  dbRoundTrips: number;
}

/** Runs deployed functions the way WeChat Cloud does: one instance per call at a time, identity in env. */
export class FunctionRunner {
  readonly invocations = new InvocationRegistry();
  private readonly pools = new Map<string, InstancePool>();
  private inFlight = 0;

  constructor(
    private readonly functions: Map<string, FunctionDefinition>,
    private readonly options: RunnerOptions,
  ) {}

  has(name: string): boolean {
    return this.functions.has(name);
  }

  definitions(): FunctionDefinition[] {
    return [...this.functions.values()];
  }

  async invoke(name: string, event: unknown, caller: Caller): Promise<InvocationReport> {
    const fn = this.functions.get(name);
    if (!fn) return { outcome: { status: 'not_found', durationMs: 0 }, invocationId: '', dbRoundTrips: 0 };
    const encoded = encodeEvent(event);
    if (!encoded.ok) {
      const { code, message, detail } = encoded;
      return {
        outcome: { status: 'rejected', code, message, detail, durationMs: 0 },
        invocationId: '',
        dbRoundTrips: 0,
      };
    }
    const invocation = this.invocations.open(name, caller, fn.openapiPermissions);
    this.inFlight += 1;
    try {
      const outcome = await this.pool(fn).invoke(encoded.json, this.envFor(invocation), this.options.nowMs);
      return { outcome, invocationId: invocation.id, dbRoundTrips: invocation.dbRoundTrips };
    } finally {
      this.inFlight -= 1;
      this.invocations.close(invocation.id);
    }
  }

  /** Invocations running now (function-to-function calls count each). */
  running(): number {
    return this.inFlight;
  }

  close(): void {
    for (const pool of this.pools.values()) pool.close();
    this.pools.clear();
  }

  private pool(fn: FunctionDefinition): InstancePool {
    let pool = this.pools.get(fn.name);
    if (!pool) {
      pool = new InstancePool(fn, {
        maxInstances: this.options.maxInstancesPerFunction,
        baseEnv: this.baseEnv(),
        log: this.options.log,
      });
      this.pools.set(fn.name, pool);
    }
    return pool;
  }

  /** The SDK settings every instance has (docs/wire-protocol.md §1, the minimal working set). */
  private baseEnv(): Record<string, string> {
    const { envId } = this.options;
    const keep = ['PATH', 'HOME', 'NODE_OPTIONS', 'TZ', 'LANG'];
    const inherited = Object.fromEntries(
      keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k] as string]),
    );
    return {
      ...inherited,
      ...sdkEnvironment(envId),
      ...(this.options.loopbackOnly ? { LOCAL_CLOUD_LOOPBACK_ONLY: '1' } : {}),
      ...this.options.functionEnv?.(),
    };
  }

  private envFor(invocation: Invocation): Record<string, string | null> {
    const { caller } = invocation;
    return {
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${this.options.wireBaseUrl()}/inv/${invocation.id}/admin` }),
      TCB_SOURCE: caller.source,
      TCB_SEQID: invocation.id,
      WX_OPENID: caller.openid ?? null,
      WX_APPID: caller.openid ? (caller.appid ?? DEFAULT_APPID) : null,
      WX_UNIONID: caller.unionid ?? null,
      WX_CLIENTIP: caller.clientIp ?? null,
      WX_API_TOKEN: `local-token-${invocation.id}`,
    };
  }
}
