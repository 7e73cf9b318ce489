import { randomBytes } from 'crypto';
import { localDate, maskName, maskPhone, type AuditLogEntry, type Customer, type Filing } from '@clinic/shared';
import { COLLECTIONS } from '../../common/collections';
import type { Stored } from '../../common/clinic';
import type { Transaction } from '../../common/db-types';
import { userIdFor } from '../../common/keys';
import type { PersonDoc, ReferralDoc } from '../../common/booking-docs';
import type { CreateBookingInput, CreateContext } from './create-context';
import { filingRecord } from './filing-record';

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/**
 * R1/R8 for an already-filed person: the booking or claim is kept as a touch; a referrer other
 * than the person's own goes to the audit log and changes nothing.
 */
export async function recordTouch(
  tx: Transaction,
  input: CreateBookingInput,
  c: CreateContext,
  person: PersonDoc | null,
  customerId: string,
) {
  const { referrer, now, store } = c;
  const nowIso = now.toISOString();
  const touchId = `t${hex(12)}`;
  const touch = filingRecord(touchId, input, c, customerId, true);
  await tx.collection<Filing & { _id?: string }>(COLLECTIONS.filings).doc(touchId).set(touch);

  let personReferrer = person?.referrerCustomerId ?? undefined;
  if (referrer && referrer._id !== personReferrer) {
    const known = personReferrer ?? '无';
    const audit: AuditLogEntry = {
      id: `a${hex(12)}`,
      chainId: store.chainId,
      at: nowIso,
      actorId: userIdFor(c.openid),
      action: 'booking.claim_referrer',
      targetId: person?.filingId ?? customerId,
      outcome: 'rejected',
      rule: 'R8',
      message: `已建档客户通过推荐码 ${c.code} 再次预约：不允许补单和改单，归属不变（原推荐人：${known}），记为接触`,
    };
    await tx.collection<AuditLogEntry & { _id?: string }>(COLLECTIONS.auditLogs).doc(audit.id).set(audit);
    // R9: customers never lose out — a not-yet-paying person with no referral relationship gets this one.
    const kind = c.existingCustomer?.kind ?? 'new';
    if (personReferrer === undefined && kind === 'new') {
      const referrals = tx.collection<ReferralDoc>(COLLECTIONS.referrals);
      if (!(await referrals.doc(customerId).get())) {
        await referrals.doc(customerId).set(referralDoc(input, c, referrer, customerId));
        personReferrer = referrer._id;
      }
    }
  }
  return { touchId, personReferrer };
}

/** The referrer–referee relationship (`_id` = the referee's customer id), as the referrer's list shows it. */
export function referralDoc(
  input: CreateBookingInput,
  c: CreateContext,
  referrer: Stored<Customer>,
  customerId: string,
): Omit<ReferralDoc, '_id'> {
  const nowIso = c.now.toISOString();
  return {
    chainId: c.store.chainId,
    referrerCustomerId: referrer._id,
    refereeCustomerId: customerId,
    maskedName: maskName(input.name),
    maskedPhone: maskPhone(input.phone),
    filedOn: localDate(c.now),
    status: 'booked',
    rewardCredited: false,
    createdAtMs: c.now.getTime(),
    createdAt: nowIso,
    updatedAt: nowIso,
  };
}
