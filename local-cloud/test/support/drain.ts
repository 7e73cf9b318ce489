import type { Server } from 'node:http';

/** How long a test server waits for its clients' work at close, by default. */
export const DRAIN_LIMIT_MS = 30_000;
/** No request for this long, none open: the clients are done (the SDK retries at once, not later). */
const QUIET_MS = 250;

/**
 * Counts a test server's open requests so that its close can wait for the work still in flight
 * (e.g. runTransaction retrying a conflict) instead of cutting it off or, worse, letting it run on
 * after the environment it needs was taken away.
 */
export function trackRequests(server: Server): { drain(limitMs?: number): Promise<boolean> } {
  let open = 0;
  let lastActivity = Date.now();
  server.on('request', (_req, res) => {
    open += 1;
    lastActivity = Date.now();
    res.once('close', () => {
      open -= 1;
      lastActivity = Date.now();
    });
  });
  return {
    /** Resolves true once the clients went quiet, false if they were still busy after `limitMs`. */
    async drain(limitMs = DRAIN_LIMIT_MS) {
      const deadline = Date.now() + limitMs;
      while (open > 0 || Date.now() - lastActivity < QUIET_MS) {
        if (Date.now() > deadline) return false;
        await new Promise((r) => setTimeout(r, 25));
      }
      return true;
    },
  };
}
