import type { StaffInvite } from '@clinic/shared';
import type { Transaction } from '../platform/db-types';
import { COLLECTIONS } from './collections';

/** One-time staff invites (`_id` = the code). */
export function invitesInTx(tx: Transaction) {
  const invites = tx.collection<StaffInvite & { _id?: string }>(COLLECTIONS.staffInvites);
  return {
    get: (code: string) => invites.doc(code).get(),
    put: (invite: StaffInvite) => invites.doc(invite.code).set(invite),
    update: (code: string, patch: Partial<StaffInvite>) => invites.doc(code).update(patch),
  };
}
