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
}

export interface PoolOptions {
  maxInstances: number;
  /** Environment every instance starts with (SDK settings; no caller identity). */
  baseEnv: Record<string, string>;
  log: (functionName: string, line: string) => void;
}

const WORKER = path.join(__dirname, 'worker.ts');

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

  async invoke(event: unknown, env: Record<string, string | null>, nowMs: () => number): Promise<InvocationOutcome> {
    let instance: Instance;
    try {
      instance = await this.acquire();
    } catch (e) {
      return { status: 'error', error: e instanceof Error ? e.message : String(e), durationMs: 0 };
    }
    const started = Date.now();
    const id = Math.random().toString(36).slice(2);
    try {
      return await new Promise<InvocationOutcome>((resolve) => {
        const timer = setTimeout(() => {
          cleanup();
          this.discard(instance);
          resolve({ status: 'timeout', durationMs: Date.now() - started });
        }, this.fn.timeoutMs);
        const onMessage = (m: WorkerMessage) => {
          if (m.type !== 'result' || m.id !== id) return;
          cleanup();
          const durationMs = Date.now() - started;
          if (!m.ok) return resolve({ status: 'error', error: m.error, durationMs });
          resolve({ status: 'ok', value: m.json === undefined ? null : JSON.parse(m.json), durationMs });
        };
        const onExit = (code: number | null, signal: string | null) => {
          cleanup();
          this.discard(instance);
          resolve({ status: 'error', error: `instance exited (${signal ?? code})`, durationMs: Date.now() - started });
        };
        const cleanup = () => {
          clearTimeout(timer);
          instance.child.off('message', onMessage);
          instance.child.off('exit', onExit);
        };
        instance.child.on('message', onMessage);
        instance.child.on('exit', onExit);
        const message: InvokeMessage = { type: 'invoke', id, entry: this.fn.entry, event, env, nowMs: nowMs() };
        instance.child.send(message);
      });
    } finally {
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
    const child = fork(WORKER, [], {
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
      const onMessage = (m: WorkerMessage) => {
        if (m.type === 'ready') {
          child.off('message', onMessage);
          resolve();
        }
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`instance of ${this.fn.name} failed to start (${code})`)));
      // A process that cannot even be spawned (e.g. its folder vanished) emits only 'error'.
      child.once('error', (e) => reject(new Error(`instance of ${this.fn.name} failed to start: ${e.message}`)));
    });
    ready.catch(() => undefined);
    return { child, ready, busy: false };
  }
}
