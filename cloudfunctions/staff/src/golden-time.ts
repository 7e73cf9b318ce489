import * as z from 'zod';
import {
  askApproach,
  goldenWindowOf,
  localDate,
  maskName,
  maskPhone,
  monthNumberSince,
  rankWhomToAsk,
  type StaffContract,
} from '@clinic/shared';
import { loadSettings } from '../../data/clinic';
import { getCustomer, markAsked, ownedExistingCustomers } from '../../data/customers';
import { decodeOffsetCursor, encodeOffsetCursor } from '../../data/pagination';
import { canSeePerson, type Caller } from '../../platform/access';
import type { Database } from '../../platform/db-types';
import { AppError } from '../../platform/errors';
import { fileAtDesk } from '../../services/desk-filing';

type In<A extends keyof StaffContract> = z.output<StaffContract[A]['input']>;

/** My old customers in a golden window (the windows that end: 1–3 and 4–11 months), ranked (shared). */
export async function goldenTime(input: In<'goldenTime'>, caller: Caller, db: Database, now: Date) {
  const me = caller.staff as NonNullable<Caller['staff']>;
  const today = localDate(now);
  const [settings, owned] = await Promise.all([loadSettings(db, me.chainId), ownedExistingCustomers(db, me.id)]);
  const inWindow = owned.filter((c) => {
    const window = goldenWindowOf(c.lastTreatmentDate, today, settings);
    return window !== null && window.toMonth !== null;
  });
  const ranked = rankWhomToAsk(
    inWindow.map((c) => ({
      customerId: c._id,
      ...(c.lastTreatmentDate ? { lastTreatmentDate: c.lastTreatmentDate } : {}),
      ...(c.starLevel ? { starLevel: c.starLevel } : {}),
      ...(c.satisfaction ? { satisfaction: c.satisfaction } : {}),
      hasReferred: c.hasReferred,
      ...(c.lastAskedOn ? { lastAskedDate: c.lastAskedOn } : {}),
    })),
    today,
    settings,
  );
  const byId = new Map(inWindow.map((c) => [c._id, c]));
  const offset = decodeOffsetCursor(input.cursor);
  const page = ranked.slice(offset, offset + input.limit);
  return {
    items: page.map((r) => {
      const c = byId.get(r.customerId) as (typeof inWindow)[number];
      const window = goldenWindowOf(c.lastTreatmentDate, today, settings);
      return {
        customerId: c._id,
        displayName: maskName(c.name),
        maskedPhone: maskPhone(c.phone),
        windowLabel: window?.label ?? '',
        monthsSinceTreatment: monthNumberSince(c.lastTreatmentDate as string, today) ?? 1,
        ...(c.starLevel ? { starLevel: c.starLevel } : {}),
        score: r.score,
        reasons: r.reasons.slice(0, 6),
        ...askApproach(c),
      };
    }),
    ...(offset + input.limit < ranked.length ? { nextCursor: encodeOffsetCursor(offset + input.limit) } : {}),
    cooldownDays: settings.goldenTime.askCooldownDays,
  };
}

/** An ask is recorded on the old customer (cooldown); a target friend is filed as 老带新 with them as referrer. */
export async function recordAsk(input: In<'recordAsk'>, caller: Caller, db: Database, now: Date) {
  const customer = await getCustomer(db, input.customerId);
  if (!customer || !canSeePerson(caller, customer)) throw new AppError('NOT_FOUND', '没有找到这位老客');
  if (customer.kind !== 'existing') throw new AppError('INVALID_INPUT', '只有老客可以推荐新客');
  const askedOn = localDate(now);
  let friendFiling;
  if (input.friend) {
    const filed = await fileAtDesk(
      {
        phone: input.friend.phone,
        name: input.friend.name,
        channel: 'referral',
        grade: input.friend.grade,
        referrerCustomerId: customer._id,
        productIds: [],
        need: input.friend.need,
        ...(input.friend.expectedVisitDate ? { expectedVisitDate: input.friend.expectedVisitDate } : {}),
      },
      caller,
      db,
      now,
    );
    friendFiling = {
      customerId: filed.customerId,
      existing: filed.existing,
      message: filed.message,
      channelLabel: filed.attribution.channelLabel,
      rule: filed.attribution.rule,
      explanation: filed.attribution.explanation,
    };
  }
  await markAsked(db, customer._id, askedOn);
  return { askedOn, ...(friendFiling ? { friendFiling } : {}) };
}
