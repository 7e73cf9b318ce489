import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { FunctionDefinition } from './registry';
import type { InvokeMessage, WorkerMessage } from './worker-protocol';

export type InvocationOutcome =
  | { status: 'ok'; value: unknown; durationMs: number }
  | { status: 'error'; error: string; durationMs: number }
  | { status: 'timeout'; durationMs: number };

interface Instance {
  child: ChildProcess;
  ready: Promise<void>;
  busy: boolean;
  /** The id of the invocation it is serving, if any. */
  current?: string;
}

export interface PoolOptions {
  maxInstances: number;
  /** Environment every instance starts with (SDK settings; no caller identity). */
  baseEnv: Record<string, string>;
  log: (functionName: string, line: string) => void;
}

const WORKER = path.join(__dirname, 'worker.ts');
/** Limit on an instance's initialisation (process start + loading the function), like SCF's own. */
export const INIT_TIMEOUT_MS = 60_000;

/**
 * The running instances of one function. Each instance serves one invocation at a time; up to
 * `maxInstances` run in parallel and further calls queue. An instance that times out or crashes
 * is killed and replaced, as the platform does.
 */
export class InstancePool {
  private readonly instances: Instance[] = [];
  private readonly waiting: ((instance: Instance) => void)[] = [];
  private closed = false;

  constructor(
    private readonly fn: FunctionDefinition,
    private readonly options: PoolOptions,
  ) {}

  /**
   * Runs one invocation. `eventJson` is the event already made into JSON (event-codec.ts), so
   * nothing about the event can fail once an instance is taken. The timeout covers the
   * invocation from the moment the event was handed over; every path out clears it, and it only
   * ever acts on the invocation that armed it.
   */
  async invoke(eventJson: string, env: Record<string, string | null>, nowMs: () => number): Promise<InvocationOutcome> {
    let instance: Instance;
    try {
      instance = await this.acquire();
    } catch (e) {
      return { status: 'error', error: e instanceof Error ? e.message : String(e), durationMs: 0 };
    }
    const started = Date.now();
    const id = Math.random().toString(36).slice(2);
    instance.current = id;
    try {
      return await new Promise<InvocationOutcome>((resolve) => {
        let timer: NodeJS.Timeout | undefined = undefined;
        let settled = false;
        const finish = (outcome: InvocationOutcome, discard: boolean) => {
          if (settled) return;
          settled = true;
          if (timer) clearTimeout(timer);
          instance.child.off('message', onMessage);
          instance.child.off('exit', onExit);
          if (discard) this.discard(instance);
          resolve(outcome);
        };
        const elapsed = () => Date.now() - started;
        const onMessage = (m: WorkerMessage) => {
          if (m.type !== 'result' || m.id !== id) return;
          if (!m.ok) return finish({ status: 'error', error: m.error, durationMs: elapsed() }, false);
          finish(
            { status: 'ok', value: m.json === undefined ? null : JSON.parse(m.json), durationMs: elapsed() },
            false,
          );
        };
        const onExit = (code: number | null, signal: string | null) => {
          finish({ status: 'error', error: `instance exited (${signal ?? code})`, durationMs: elapsed() }, true);
        };
        instance.child.on('message', onMessage);
        instance.child.on('exit', onExit);
        const message: InvokeMessage = { type: 'invoke', id, eventJson, env, nowMs: nowMs() };
        try {
          instance.child.send(message, (error) => {
            // The channel failed after accepting the message: the instance is unusable.
            if (error)
              finish(
                { status: 'error', error: `could not reach the instance: ${error.message}`, durationMs: elapsed() },
                true,
              );
          });
        } catch (e) {
          // Nothing was written (e.g. the channel is closed): no timer was armed, nothing to undo there.
          const error = e instanceof Error ? e.message : String(e);
          return finish(
            { status: 'error', error: `could not hand the event to the instance: ${error}`, durationMs: elapsed() },
            true,
          );
        }
        if (settled) return;
        timer = setTimeout(() => {
          if (instance.current !== id) return; // never kill an instance serving someone else
          finish({ status: 'timeout', durationMs: elapsed() }, true);
        }, this.fn.timeoutMs);
      });
    } finally {
      instance.current = undefined;
      this.release(instance);
    }
  }

  close(): void {
    this.closed = true;
    for (const instance of this.instances.splice(0)) instance.child.kill('SIGKILL');
  }

  private async acquire(): Promise<Instance> {
    if (this.closed) throw new Error('pool closed');
    let instance = this.instances.find((i) => !i.busy);
    if (!instance && this.instances.length < this.options.maxInstances) {
      instance = this.spawn();
      this.instances.push(instance);
    }
    if (!instance) instance = await new Promise<Instance>((resolve) => this.waiting.push(resolve));
    instance.busy = true;
    try {
      await instance.ready;
    } catch (e) {
      this.discard(instance);
      this.release(instance);
      throw e;
    }
    return instance;
  }

  private release(instance: Instance): void {
    instance.busy = false;
    if (!this.instances.includes(instance)) {
      // It was discarded: hand the waiting caller a fresh instance instead.
      const next = this.waiting.shift();
      if (next && !this.closed) {
        const fresh = this.spawn();
        this.instances.push(fresh);
        fresh.busy = true;
        next(fresh);
      }
      return;
    }
    const next = this.waiting.shift();
    if (next) {
      instance.busy = true;
      next(instance);
    }
  }

  private discard(instance: Instance): void {
    const index = this.instances.indexOf(instance);
    if (index >= 0) this.instances.splice(index, 1);
    instance.child.kill('SIGKILL');
  }

  private spawn(): Instance {
    const child = fork(WORKER, [this.fn.entry], {
      cwd: this.fn.dir,
      env: { ...this.options.baseEnv },
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.options.log(this.fn.name, line);
    };
    child.stdout?.on('data', forward);
    child.stderr?.on('data', forward);
    const ready = new Promise<void>((resolve, reject) => {
      // Loading the function (its module and wx-server-sdk) is the instance's initialisation; it has
      // its own, generous limit, apart from the invocation's timeout.
      const initTimer = setTimeout(() => {
        child.kill('SIGKILL');
        fail(new Error(`instance of ${this.fn.name} did not initialise within ${INIT_TIMEOUT_MS / 1000} s`));
      }, INIT_TIMEOUT_MS);
      const fail = (e: Error) => {
        clearTimeout(initTimer);
        reject(e);
      };
      const onMessage = (m: WorkerMessage) => {
        if (m.type === 'ready') {
          clearTimeout(initTimer);
          child.off('message', onMessage);
          resolve();
        }
      };
      child.on('message', onMessage);
      child.once('exit', (code) => fail(new Error(`instance of ${this.fn.name} failed to start (${code})`)));
      // A process that cannot even be spawned (e.g. its folder vanished) emits only 'error'.
      child.once('error', (e) => fail(new Error(`instance of ${this.fn.name} failed to start: ${e.message}`)));
    });
    ready.catch(() => undefined);
    return { child, ready, busy: false };
  }
}
