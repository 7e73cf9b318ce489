import { FOLLOW_UP_RESULTS, formatFen, maskName, maskPhone, type Customer, type StaffContract } from '@clinic/shared';
import type { z } from 'zod';
import { bookingsOfCustomer } from '../../data/bookings';
import { getProducts, loadSettings } from '../../data/clinic';
import { getCustomer } from '../../data/customers';
import { dealsOf } from '../../data/deals';
import type { Stored } from '../../data/documents';
import { filingsOf, getAttribution } from '../../data/people';
import { getReferral } from '../../data/referrals';
import { tasksOfCustomer } from '../../data/tasks';
import { visitsOf } from '../../data/visits';
import type { Database } from '../../platform/db-types';

type CardOutput = z.output<StaffContract['customerCard']['output']>;
export type CustomerView = CardOutput['customer'];
export type HistoryEntry = CardOutput['history'][number];

const BOOKING_STATUS: Record<string, string> = {
  booked: '待到院',
  visited: '已到院',
  cancelled: '已取消',
  no_show: '未到院',
};

/**
 * What staff see of a customer (a task's detail, the customer card): contact, level, first
 * grade, attribution with its rule, the referrer, and the history newest first. The full number
 * only when `showPhone` (the person who has to call).
 */
export async function customerContext(db: Database, customer: Stored<Customer>, showPhone: boolean) {
  const [attribution, filings, visits, bookings, tasks, deals, relationship, settings] = await Promise.all([
    getAttribution(db, customer._id),
    filingsOf(db, customer._id),
    visitsOf(db, customer._id),
    bookingsOfCustomer(db, customer._id),
    tasksOfCustomer(db, customer._id),
    dealsOf(db, customer._id),
    getReferral(db, customer._id),
    loadSettings(db, customer.chainId),
  ]);
  const [referrer, products] = await Promise.all([
    relationship ? getCustomer(db, relationship.referrerCustomerId) : Promise.resolve(null),
    getProducts(
      db,
      deals.map((d) => d.productId),
    ),
  ]);
  const first = filings.find((f) => !f.isTouch);
  const label = (channel: string) => settings.channels[channel] ?? channel;
  const history: HistoryEntry[] = [
    ...filings.map((f) => ({
      at: f.at,
      kind: f.isTouch ? ('touch' as const) : ('filing' as const),
      text: `${f.isTouch ? '再次登记（接触）' : '建档'}：${label(f.channel)}${f.grade ? ` · ${f.grade}` : ''}`,
    })),
    ...bookings.map((b) => ({
      at: b.createdAt,
      kind: 'booking' as const,
      text: `预约 ${b.date} ${b.slot}（${BOOKING_STATUS[b.status] ?? b.status}）`,
    })),
    ...visits.map((v) => ({ at: v.at, kind: 'visit' as const, text: '到院' })),
    ...deals.map((d) => ({
      at: d.at,
      kind: 'deal' as const,
      text: `成交：${products.get(d.productId)?.name ?? '项目'} 实付 ${formatFen(d.paidFen)}`,
    })),
    ...tasks
      .filter((t) => t.status === 'done' && t.result && t.doneAt)
      .map((t) => ({
        at: t.doneAt as string,
        kind: 'follow_up' as const,
        text: `回访：${FOLLOW_UP_RESULTS[t.result as keyof typeof FOLLOW_UP_RESULTS]}${t.note ? `（${t.note}）` : ''}`,
      })),
  ]
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .slice(0, 50);
  const view: CustomerView = {
    displayName: maskName(customer.name),
    maskedPhone: maskPhone(customer.phone),
    ...(showPhone ? { phone: customer.phone } : {}),
    kind: customer.kind,
    ...(customer.starLevel ? { starLevel: customer.starLevel } : {}),
    ...(first?.grade ? { grade: first.grade } : {}),
    ...(attribution
      ? { channelLabel: label(attribution.channel), rule: attribution.rule, ruleExplanation: attribution.explanation }
      : {}),
    ...(referrer ? { referrerDisplayName: maskName(referrer.name) } : {}),
  };
  return { customer: view, history, checkedIn: visits.length > 0, tasks };
}
