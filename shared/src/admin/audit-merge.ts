import type { AuditFilterKind } from './audit-kinds';
import { isAuditRecordKind } from './audit-kinds';

/**
 * The audit viewer reads several append-only sources — the audit log itself, filings (with their
 * attribution), deals and the reward ledger — each ordered newest first (`at` desc, then id desc),
 * and shows them as one list. A page: each source the filter needs gives its next `limit` rows after
 * its own position, the rows are merged, the first `limit` kept, and the cursor keeps each source's
 * position (its last row shown, or that it ran out). No row is skipped or shown twice, however many
 * share an instant: within a source the merged order is the source's own order, so what a page
 * takes of a source is a prefix of what it read.
 */
export const AUDIT_SOURCES = ['log', 'filing', 'deal', 'reward'] as const;
export type AuditSource = (typeof AUDIT_SOURCES)[number];

/** A row's place in its source's order. `at` is an ISO instant in UTC (compares as text). */
export interface AuditPosition {
  at: string;
  id: string;
}

/** Per needed source: the last row shown, `'end'` once it ran out; absent = not started. */
export type AuditMergeCursor = Partial<Record<AuditSource, AuditPosition | 'end'>>;

/**
 * The sources a filter reads: a record kind its own source, a log kind the log; no kind all of
 * them. A colleague filter leaves out the reward ledger (its entries are the clinic's, made by a
 * deal or the expiry timer, not by a colleague).
 */
export function sourcesFor(filter: { kind?: AuditFilterKind; actorId?: string }): AuditSource[] {
  if (filter.kind) return [isAuditRecordKind(filter.kind) ? filter.kind : 'log'];
  return filter.actorId ? ['log', 'filing', 'deal'] : [...AUDIT_SOURCES];
}

/** The sources that still have rows to read, with their position (undefined = from the newest). */
export function sourcesToRead(
  sources: readonly AuditSource[],
  cursor: AuditMergeCursor | undefined,
): { source: AuditSource; after?: AuditPosition }[] {
  return sources.flatMap((source) => {
    const pos = cursor?.[source];
    if (pos === 'end') return [];
    return [pos ? { source, after: pos } : { source }];
  });
}

/** Newest first; same instant: by source, then id desc — a total order that is each source's own. */
export function compareAuditRows(
  a: AuditPosition & { source: AuditSource },
  b: AuditPosition & { source: AuditSource },
): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  if (a.source !== b.source) return AUDIT_SOURCES.indexOf(a.source) - AUDIT_SOURCES.indexOf(b.source);
  return a.id === b.id ? 0 : a.id < b.id ? 1 : -1;
}

export interface SourcePage<R extends AuditPosition> {
  source: AuditSource;
  /** At most `asked` rows after the source's position, newest first. */
  rows: readonly R[];
  /** How many rows were asked for: fewer came back = the source ran out. */
  asked: number;
}

/**
 * Merges one page of each source read into the first `limit` rows and the cursor after them
 * (absent when every needed source is used up). Sources not read this time (ran out before) stay
 * `'end'`; a source read but not reached keeps its previous position.
 */
export function mergeAuditPages<R extends AuditPosition>(
  sources: readonly AuditSource[],
  cursor: AuditMergeCursor | undefined,
  pages: readonly SourcePage<R>[],
  limit: number,
): { rows: (R & { source: AuditSource })[]; next?: AuditMergeCursor } {
  const all = pages.flatMap((p) => p.rows.map((r) => ({ ...r, source: p.source }))).sort(compareAuditRows);
  const rows = all.slice(0, limit);
  const next: AuditMergeCursor = {};
  let more = false;
  for (const source of sources) {
    const page = pages.find((p) => p.source === source);
    if (!page) {
      // Not read: it ran out on an earlier page (or was never asked for: treat as from the start).
      const pos = cursor?.[source];
      if (pos !== undefined) next[source] = pos;
      else more = true;
      continue;
    }
    const taken = rows.filter((r) => r.source === source);
    const last = taken[taken.length - 1];
    const ranOut = page.rows.length < page.asked && taken.length === page.rows.length;
    if (ranOut) next[source] = 'end';
    else {
      more = true;
      const pos = last ? { at: last.at, id: last.id } : cursor?.[source];
      if (pos !== undefined) next[source] = pos;
    }
  }
  return { rows, ...(more ? { next } : {}) };
}

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;
/** Ids of every source: the log's and deals' ids, filings', reward-ledger ids (`deal:policy:role`). */
const ID = /^[0-9A-Za-z_:-]{1,128}$/;
const KEYS: Record<AuditSource, string> = { log: 'l', filing: 'f', deal: 'd', reward: 'r' };

/** The cursor as text (JSON; the function wraps it as base64url): `{ l: [at, id] | 0, … }`. */
export function auditCursorText(cursor: AuditMergeCursor): string {
  const out: Record<string, [string, string] | 0> = {};
  for (const source of AUDIT_SOURCES) {
    const pos = cursor[source];
    if (pos === undefined) continue;
    out[KEYS[source]] = pos === 'end' ? 0 : [pos.at, pos.id];
  }
  return JSON.stringify(out);
}

/**
 * Reads a cursor back for the sources the filter needs; anything else — not JSON, another shape,
 * a time or id of the wrong form, a source the filter does not read (a cursor of another filter)
 * — is refused (null), never half-used.
 */
export function parseAuditCursor(text: string, sources: readonly AuditSource[]): AuditMergeCursor | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const entries = Object.entries(parsed as Record<string, unknown>);
  if (entries.length === 0) return null;
  const cursor: AuditMergeCursor = {};
  for (const [key, value] of entries) {
    const source = AUDIT_SOURCES.find((s) => KEYS[s] === key);
    if (!source || !sources.includes(source)) return null;
    if (value === 0) {
      cursor[source] = 'end';
      continue;
    }
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [at, id] = value as unknown[];
    if (typeof at !== 'string' || !AT.test(at) || typeof id !== 'string' || !ID.test(id)) return null;
    cursor[source] = { at, id };
  }
  return cursor;
}
