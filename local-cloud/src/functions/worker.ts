/**
 * One function instance: a Node process that runs one invocation at a time, as WeChat Cloud does.
 * wx-server-sdk reads the caller's identity and the backend URL from process.env on every request,
 * so a process must never interleave two invocations (docs/wire-protocol.md §10).
 *
 * argv[2] is the function's entry. The instance loads it before it says `ready` (the platform's
 * initialisation phase, which has its own limit), so a cold start does not eat into the
 * invocation's timeout; a module that fails to load fails each invocation with its error.
 */
import FakeTimers from '@sinonjs/fake-timers';
import { installLoopbackGuard } from './loopback-guard';
import type { InvokeMessage, WorkerMessage } from './worker-protocol';

// Tests confine instances to loopback, so that nothing can reach a real endpoint from here.
if (process.env.LOCAL_CLOUD_LOOPBACK_ONLY === '1') installLoopbackGuard();

// The functions' own clock follows the emulated time; only Date is faked, timers stay real.
const clock = FakeTimers.install({ now: Date.now(), toFake: ['Date'], shouldAdvanceTime: true, advanceTimeDelta: 5 });

type Main = (event: unknown, context: unknown) => unknown;

function send(message: WorkerMessage): void {
  process.send?.(message);
}

function load(entry: string | undefined): { main: Main } | { error: string } {
  try {
    if (!entry) throw new Error('no entry given to the instance');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(entry) as { main?: unknown };
    if (typeof mod.main !== 'function') throw new Error(`${entry} does not export main`);
    return { main: mod.main as Main };
  } catch (e) {
    return { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

const loaded = load(process.argv[2]);

async function invoke(message: InvokeMessage): Promise<void> {
  for (const [key, value] of Object.entries(message.env)) {
    if (value === null) delete process.env[key];
    else process.env[key] = value;
  }
  clock.setSystemTime(message.nowMs);
  if ('error' in loaded) return send({ type: 'result', id: message.id, ok: false, error: loaded.error });
  try {
    const value = await loaded.main(JSON.parse(message.eventJson), {});
    // The platform hands the result back as JSON: Dates become strings, undefined disappears.
    send({ type: 'result', id: message.id, ok: true, json: JSON.stringify(value) });
  } catch (e) {
    const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    send({ type: 'result', id: message.id, ok: false, error });
  }
}

// The local cloud went away (even by kill -9): an orphaned instance must not linger.
process.on('disconnect', () => process.exit(0));

process.on('message', (message: InvokeMessage) => {
  if (message.type === 'invoke') void invoke(message);
});
send({ type: 'ready' });
