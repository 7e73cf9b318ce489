import { randomBytes } from 'crypto';
import type * as z from 'zod';
import {
  attribute,
  classifyFiling,
  detectSelfReferral,
  fileOrTouch,
  filingFact,
  rejectReattribution,
  referrerOwner,
  type ActionOutput,
  type AttributionRecord,
  type Customer,
  type Filing,
  type PersonOnRecord,
  type Staff,
  type VisitsContract,
} from '@clinic/shared';
import { getStore, loadSettings } from '../data/clinic';
import { customerByPhone, getCustomer } from '../data/customers';
import type { Stored } from '../data/documents';
import { customerIdFor, filingIdFor, personIdFor } from '../data/keys';
import { getAttribution, getPerson, peopleInTx } from '../data/people';
import { getById } from '../data/read';
import { COLLECTIONS } from '../data/collections';
import { canSeePerson, type Caller } from '../platform/access';
import type { Database } from '../platform/db-types';
import { AppError, refuse } from '../platform/errors';
import { transact } from '../platform/transaction';
import { writeAudit } from './audit';
import { fileFirstTime, recordTouch } from './filing';
import { referralRelationship } from './referral-relationship';
import { attributionView } from './attribution-view';

/** The desk form, or a friend collected by an ask (§5), with what they want and when. */
type Input = z.output<VisitsContract['fileAtDesk']['input']> & { need?: string; expectedVisitDate?: string };
type Output = ActionOutput<VisitsContract, 'fileAtDesk'>;

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/**
 * Desk filing: load (the phone's person, the referrer, the first filing) → shared `classifyFiling`,
 * `referrerOwner`, `fileOrTouch`, and `rejectReattribution` when the attempt names another channel
 * or owner → persist in one transaction. There is no operation that changes a filing (R8).
 */
export async function fileAtDesk(input: Input, caller: Caller, db: Database, now: Date): Promise<Output> {
  const staff = caller.staff as Stored<Staff>;
  const chainId = staff.chainId;
  const [settings, store, customer, person, referrer] = await Promise.all([
    loadSettings(db, chainId),
    getStore(db, staff.storeId),
    customerByPhone(db, chainId, input.phone),
    getPerson(db, personIdFor(chainId, input.phone)),
    input.referrerCustomerId ? getCustomer(db, input.referrerCustomerId) : Promise.resolve(null),
  ]);
  if (!store) throw refuse('STORE_NOT_FOUND');
  if (customer && !canSeePerson(caller, customer)) throw new AppError('NOT_FOUND', '没有找到这位顾客');
  if (input.referrerCustomerId && (!referrer || referrer.chainId !== chainId || referrer.kind !== 'existing')) {
    throw new AppError('INVALID_INPUT', '推荐老客不存在，请重新选择');
  }
  if (
    referrer &&
    detectSelfReferral(referrer, { phone: input.phone, ...(customer ? { customerId: customer._id } : {}) })
  ) {
    throw refuse('SELF_REFERRAL', '推荐老客不能是顾客本人');
  }
  const cls = classifyFiling(
    { source: 'staff', channel: input.channel, ...(referrer ? { referrerCustomerId: referrer._id } : {}) },
    settings,
  );
  if (!cls.ok) throw new AppError(cls.code, cls.message);
  const owner = referrerOwner(cls.channel, referrer ?? undefined) ?? {
    staffId: staff.id,
    department: staff.department,
  };
  const nowIso = now.toISOString();
  const onRecord: PersonOnRecord | null =
    person || customer
      ? {
          customerId: person?.customerId ?? (customer as Customer).id,
          filingId: person?.filingId ?? null,
          referrerCustomerId: person?.referrerCustomerId ?? null,
          kind: customer?.kind ?? 'new',
        }
      : null;
  const customerId = onRecord?.customerId ?? customerIdFor(chainId, input.phone);
  const candidate: Filing = {
    id: onRecord ? `t${hex(12)}` : filingIdFor(chainId, input.phone),
    chainId,
    storeId: staff.storeId,
    customerId,
    phone: input.phone,
    at: nowIso,
    channel: cls.channel,
    level: cls.level,
    source: 'staff',
    ...(referrer ? { referrerCustomerId: referrer._id } : {}),
    filedByStaffId: staff.id,
    ownerStaffId: owner.staffId,
    ...(owner.department ? { ownerDepartment: owner.department } : {}),
    grade: input.grade,
    productIds: input.productIds,
    ...(input.need ? { need: input.need } : {}),
    ...(input.expectedVisitDate ? { expectedVisitDate: input.expectedVisitDate } : {}),
    isTouch: false,
  };
  const label = settings.channels[cls.channel] ?? cls.channel;
  const decision = fileOrTouch(onRecord, {
    filing: candidate,
    claimant: 'staff',
    actorId: staff.id,
    auditId: `a${hex(12)}`,
    via: `前台建档（${label}）`,
  });

  if (decision.kind === 'first') {
    const newCustomer: Customer = {
      id: customerId,
      chainId,
      storeId: staff.storeId,
      name: input.name,
      phone: input.phone,
      openids: [],
      kind: 'new',
      segment: 'general',
      hasReferred: false,
      ownerStaffId: owner.staffId,
      ...(owner.department ? { ownerDepartment: owner.department } : {}),
      source: 'desk',
      createdAt: nowIso,
    };
    const attribution = await transact(db, async (tx) => {
      const people = peopleInTx(tx);
      // A concurrent filing of the same phone makes these same ids collide: the retry sees it.
      const raced = await people.getPerson(personIdFor(chainId, input.phone));
      if (raced) throw new AppError('CONFLICT', '该手机号刚刚已建档，请重新提交查看建档信息');
      const decided = await fileFirstTime(tx, {
        filing: decision.filing,
        customer: newCustomer,
        store,
        settings,
        ...(referrer
          ? {
              referral: {
                doc: {
                  ...referralRelationship(
                    { customerId, chainId, name: input.name, phone: input.phone },
                    referrer._id,
                    now,
                  ),
                  status: 'filed' as const,
                },
                referrerFirstTime: !referrer.hasReferred,
                referrer,
              },
            }
          : {}),
      });
      await people.putPerson(personIdFor(chainId, input.phone), {
        chainId,
        customerId,
        filingId: decision.filing.id,
        referrerCustomerId: referrer?._id ?? null,
        upcomingBookingId: null,
        bookings: 0,
        touches: 0,
        createdAt: nowIso,
        updatedAt: nowIso,
      });
      return decided;
    });
    return {
      customerId,
      filingId: decision.filing.id,
      existing: false,
      reattributionRefused: false,
      message: `已建档：${label}，${input.grade} 级，跟进人已安排`,
      grade: input.grade,
      attribution: await attributionView(db, attribution, settings, referrer?._id),
    };
  }

  // Filed before: the existing filing stands (R1); a different channel or owner is refused (R8).
  const first = onRecord?.filingId ? await getById<Filing>(db, COLLECTIONS.filings, onRecord.filingId) : null;
  const stored = await getAttribution(db, customerId);
  const changes = first ? first.channel !== cls.channel || first.ownerStaffId !== owner.staffId : false;
  const refused =
    first && changes
      ? rejectReattribution(
          first,
          { actorId: staff.id, at: nowIso, auditId: `a${hex(12)}` },
          first.channel !== cls.channel ? 'reassign_channel' : 'reassign_owner',
        )
      : undefined;
  await transact(db, async (tx) => {
    await recordTouch(tx, {
      filing: decision.filing,
      ...(decision.audit ? { audit: decision.audit } : {}),
      ...(decision.newReferrerCustomerId
        ? {
            newReferral: referralRelationship(
              { customerId, chainId, name: customer?.name ?? input.name, phone: input.phone },
              decision.newReferrerCustomerId,
              now,
            ),
          }
        : {}),
    });
    if (refused) await writeAudit(tx, refused.audit);
    if (person) {
      await peopleInTx(tx).updatePerson(personIdFor(chainId, input.phone), {
        touches: (person.touches ?? 0) + 1,
        referrerCustomerId: decision.referrerCustomerId ?? person.referrerCustomerId ?? null,
        updatedAt: nowIso,
      });
    }
  });
  const attribution: AttributionRecord =
    stored ??
    (attribute(
      { customerId, filings: [filingFact(first ?? decision.filing)], visits: [] },
      settings,
    ) as AttributionRecord);
  const firstLabel = first ? (settings.channels[first.channel] ?? first.channel) : label;
  return {
    customerId,
    filingId: first?.id ?? decision.filing.id,
    existing: true,
    reattributionRefused: refused !== undefined,
    message: refused
      ? `${refused.message}。该顾客已由${firstLabel}建档，本次登记记为接触`
      : `该顾客已由${firstLabel}建档，本次登记记为接触，渠道与归属不变`,
    ...(first?.grade ? { grade: first.grade } : {}),
    attribution: await attributionView(
      db,
      attribution,
      settings,
      decision.referrerCustomerId ?? person?.referrerCustomerId ?? undefined,
    ),
  };
}
