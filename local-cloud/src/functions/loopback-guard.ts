/**
 * Confines a process to loopback: every TCP/TLS connection to anything but 127.0.0.0/8, ::1 or
 * `localhost` throws, before any DNS lookup or packet. Tests install it (jest setup file, and
 * function instances of a local cloud started with `loopbackOnly`), so that code running without
 * its local-cloud settings — e.g. the SDK after its environment was taken away — fails loudly
 * instead of talking to Tencent's real endpoints.
 *
 * It patches `net.Socket.prototype.connect`, which every client goes through: http, https, tls,
 * fetch (undici) and the SDK's axios/agentkeepalive. Unix-socket and pipe connections stay allowed.
 */
import net from 'node:net';

export const LOOPBACK_ONLY_ERROR = 'ERR_LOOPBACK_ONLY';

/** A string key, not a symbol: jest runs each test file in its own realm, and they share `net`. */
const INSTALLED = '__localCloudLoopbackGuard';

export class LoopbackOnlyError extends Error {
  readonly code = LOOPBACK_ONLY_ERROR;
  constructor(readonly target: string) {
    super(
      `loopback guard: blocked a connection to ${target}. Only the local cloud on loopback may be reached here; ` +
        'something ran without its local-cloud settings (e.g. wx-server-sdk after its environment was restored) ' +
        'and would have talked to a real endpoint.',
    );
    this.name = 'LoopbackOnlyError';
  }
}

export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice('::ffff:'.length) : h;
  return net.isIPv4(v4) && v4.startsWith('127.');
}

interface ConnectTarget {
  path?: string | null;
  host?: string | null;
  port?: number | string;
}

/** The destination of a Socket#connect call, whichever of its forms was used. */
function targetOf(args: unknown[]): ConnectTarget {
  // net.connect() and friends hand connect() their already-normalised [options, callback] array.
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (typeof first === 'string') return { path: first }; // connect(path)
  if (typeof first === 'number') {
    return { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
  }
  if (first && typeof first === 'object') return first as ConnectTarget;
  return {};
}

export function isLoopbackGuardInstalled(): boolean {
  return (net.Socket.prototype as unknown as Record<string, unknown>)[INSTALLED] === true;
}

export function installLoopbackGuard(): void {
  const proto = net.Socket.prototype as net.Socket & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const original = proto.connect;
  const guarded = function (this: net.Socket, ...args: unknown[]): net.Socket {
    const target = targetOf(args);
    // As net itself decides: a truthy `path` is a pipe/unix socket, else TCP to `host` (default localhost).
    if (!target.path) {
      const host = target.host || 'localhost';
      if (!isLoopbackHost(String(host))) {
        const error = new LoopbackOnlyError(`${host}:${target.port ?? '?'}`);
        process.stderr.write(`${error.message}\n`);
        throw error;
      }
    }
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  };
  Object.defineProperty(proto, 'connect', { value: guarded, writable: true, configurable: true });
  Object.defineProperty(proto, INSTALLED, { value: true });
}
