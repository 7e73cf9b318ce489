/** Messages between the local cloud and a function worker process (over the IPC channel). */
export interface InvokeMessage {
  type: 'invoke';
  id: string;
  /** The event as JSON (made by event-codec.ts before an instance is taken). */
  eventJson: string;
  /** Per-invocation environment: identity, source and the wire URL. `null` unsets a variable. */
  env: Record<string, string | null>;
  nowMs: number;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'result'; id: string; ok: true; json: string | undefined }
  | { type: 'result'; id: string; ok: false; error: string };
