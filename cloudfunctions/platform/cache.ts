/**
 * A small per-instance cache. A WeChat Cloud function instance serves many invocations one after
 * another, so documents that change rarely (a chain's stores and products) are kept between them
 * for `maxAgeMs`; the owner clears it when it learns they changed.
 */
export class InstanceCache<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();

  constructor(
    private readonly maxAgeMs: number,
    private readonly maxEntries = 500,
  ) {}

  get(key: string, nowMs: number = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (nowMs - entry.at > this.maxAgeMs || nowMs < entry.at) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V, nowMs: number = Date.now()): void {
    this.entries.delete(key);
    // Oldest first out: a Map iterates in insertion order.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, at: nowMs });
  }

  clear(): void {
    this.entries.clear();
  }
}
