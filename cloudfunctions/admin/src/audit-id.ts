import { createHash } from 'crypto';

/**
 * The audit entry of a change is named by what changed and the version it made, so a retried
 * transaction writes the same entry again instead of a second one.
 */
export function auditIdFor(kind: 'settings' | 'store' | 'product', targetId: string, version: number): string {
  const id = `${kind}_${targetId}_v${version}`;
  return id.length <= 64 ? id : `a${createHash('sha256').update(id).digest('hex').slice(0, 40)}`;
}
