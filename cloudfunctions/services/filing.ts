import {
  attribute,
  filingEventOf,
  visitFact,
  type Visit,
  type AttributionRecord,
  type AuditLogEntry,
  type ClinicSettings,
  type Customer,
  type Filing,
  type Store,
} from '@clinic/shared';
import { customersInTx } from '../data/customers';
import { peopleInTx } from '../data/people';
import { referralsInTx, type ReferralDoc } from '../data/referrals';
import type { Transaction } from '../platform/db-types';
import { writeAudit } from './audit';
import { planFollowUps } from './follow-ups';
import { rollUp, type RolledEvent } from './report-rollups';

export interface FirstFiling {
  /** The first filing as `fileOrTouch` gave it, with owner and grade. */
  filing: Filing;
  /** The new customer record the filing creates. */
  customer: Customer;
  store: Store;
  settings: ClinicSettings;
  /**
   * With a referrer: the relationship to record, whether the referrer refers for the first time,
   * and the referrer's star and last treatment (the star table and the referral lag of §9).
   */
  referral?: {
    doc: Omit<ReferralDoc, '_id'>;
    referrerFirstTime: boolean;
    referrer?: Pick<Customer, 'id' | 'starLevel' | 'lastTreatmentDate'>;
  };
  /** A filing made at the person's arrival (a walk-in): the visit that decides the attribution at once. */
  arrival?: Visit;
  /** Report events of the same write (a booking, the arrival), rolled up with the filing's. */
  alsoRollUp?: (attribution: AttributionRecord) => RolledEvent[];
}

/**
 * R1: the first filing of a person, once, inside the caller's transaction — the customer, the
 * filing, the attribution it decides (shared `attribute`, provisional until the first visit), the
 * cadence follow-ups for its owner, and the referral relationship when there is a referrer.
 */
export async function fileFirstTime(tx: Transaction, f: FirstFiling): Promise<AttributionRecord> {
  const { filing, settings } = f;
  const attribution = attribute(
    {
      customerId: filing.customerId,
      filings: [
        {
          id: filing.id,
          at: filing.at,
          channel: filing.channel,
          level: filing.level,
          source: filing.source,
          ...(filing.referrerCustomerId ? { referrerCustomerId: filing.referrerCustomerId } : {}),
          ...(filing.filedByStaffId ? { filedByStaffId: filing.filedByStaffId } : {}),
          ...(filing.ownerStaffId ? { ownerStaffId: filing.ownerStaffId } : {}),
          ...(filing.ownerDepartment ? { ownerDepartment: filing.ownerDepartment } : {}),
        },
      ],
      visits: f.arrival ? [visitFact(f.arrival)] : [],
    },
    settings,
  ) as AttributionRecord; // a filing always gives an attribution
  const people = peopleInTx(tx);
  await customersInTx(tx).create(f.customer);
  await people.addFiling(filing);
  await people.putAttribution(attribution);
  if (filing.ownerStaffId && filing.grade) {
    await planFollowUps(
      tx,
      {
        filingId: filing.id,
        chainId: filing.chainId,
        storeId: filing.storeId,
        customerId: filing.customerId,
        ownerStaffId: filing.ownerStaffId,
        grade: filing.grade,
        filedAt: filing.at,
      },
      settings,
      f.store,
    );
  }
  if (f.referral) {
    await referralsInTx(tx).put(f.referral.doc);
    if (f.referral.referrerFirstTime) await customersInTx(tx).markHasReferred(f.referral.doc.referrerCustomerId);
  }
  const event = filingEventOf(attribution, filing, f.customer, f.referral?.referrer);
  await rollUp(tx, filing, [{ event }, ...(f.alsoRollUp?.(attribution) ?? [])], filing.at);
  return attribution;
}

export interface Touch {
  /** The touch as `fileOrTouch` gave it (`isTouch: true`). */
  filing: Filing;
  /** R8: the refused claim of another referrer. */
  audit?: AuditLogEntry;
  /** R9: the referral relationship a late claim gives (when `fileOrTouch` allowed one). */
  newReferral?: Omit<ReferralDoc, '_id'>;
}

/**
 * R1/R8/R9 for a person already filed: the attempt is kept as a touch; a refused claim goes to the
 * audit log; a permitted late claim records the relationship unless one exists already.
 * Returns whether the relationship was recorded.
 */
export async function recordTouch(tx: Transaction, t: Touch): Promise<boolean> {
  await peopleInTx(tx).addFiling(t.filing);
  if (t.audit) await writeAudit(tx, t.audit);
  if (!t.newReferral) return false;
  const referrals = referralsInTx(tx);
  if (await referrals.get(t.newReferral.refereeCustomerId)) return false;
  await referrals.put(t.newReferral);
  return true;
}
