import {
  CREDIT_SKIP_MESSAGES,
  ERROR_CATALOGUE,
  creditFactsNeeded,
  creditText,
  dealEventOf,
  rewardEventOf,
  localDate,
  maskName,
  settleDeal,
  type ClinicSettings,
  type Customer,
  type DealSettlement,
  type DealsContract,
  type ReferralFacts,
  type RewardLedgerEntry,
} from '@clinic/shared';
import type { z } from 'zod';
import { getProducts, loadSettings } from '../../data/clinic';
import { customersInTx, getCustomer } from '../../data/customers';
import { dealsInTx, dealsOf, getDealRequest, type DealAnswer, type DealRequestDoc } from '../../data/deals';
import type { Stored } from '../../data/documents';
import { rewardUseKeyFor } from '../../data/keys';
import { ledgerInTx, ledgerOf } from '../../data/ledger';
import { getReferral, referralsInTx } from '../../data/referrals';
import { hasCheckedIn } from '../../data/visits';
import { canSeePerson, type Caller } from '../../platform/access';
import type { HandlerContext } from '../../platform/define-function';
import type { Database, Transaction } from '../../platform/db-types';
import { AppError, refuse } from '../../platform/errors';
import { transact } from '../../platform/transaction';
import { notifyReferrer } from '../../services/referrer-updates';
import { rollUp, type RolledEvent } from '../../services/report-rollups';
import { getAttribution } from '../../data/people';

type RecordInput = z.output<DealsContract['record']['input']>;

/** The loaded facts changed before the transaction committed: load again and decide again. */
class StaleFacts extends Error {}
const LOAD_ATTEMPTS = 30;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What the transaction writes, decided from what was loaded before it. */
interface Plan {
  customer: Stored<Customer>;
  /** The customer's accountVersion when its deals and ledger were loaded. */
  seenVersion: number;
  /** The referrer, when this deal credits them, and their accountVersion when their ledger was loaded. */
  referrer?: { id: string; seenVersion: number; doc: Stored<Customer> };
  settings: ClinicSettings;
  settled: Extract<DealSettlement, { ok: true }>;
  /** What the deal adds to the §9 roll-ups (deal lines, the person served, rewards credited and used). */
  reportEvents: RolledEvent[];
  answer: DealAnswer;
  request: Omit<DealRequestDoc, '_id'>;
}

/**
 * deals.record: load the facts (queries cannot run inside a transaction) → shared `settleDeal` →
 * one transaction that writes the deals, the ledger entries, the customer, the referral and the
 * request document. Snapshot isolation only detects write-write conflicts, so every deal moves the
 * customer's `accountVersion` on (and a credit the referrer's): a transaction that finds another
 * version than the one its facts were loaded under loads them again. The request document makes a
 * retried or concurrent request with the same key answer the first result and write nothing more.
 */
export async function recordDeal(input: RecordInput, { caller, db, now }: HandlerContext): Promise<DealAnswer> {
  const key = input.idempotencyKey;
  const fingerprint = fingerprintOf(input);
  const known = await getDealRequest(db, key);
  if (known) return replay(known, caller, fingerprint);
  for (let attempt = 1; ; attempt++) {
    let plan: Plan;
    try {
      plan = await planDeal(db, input, caller, now, fingerprint);
    } catch (e) {
      // A request with this key committed since the first read: what it decided (e.g. the balance
      // it spent) is its answer, not a refusal of the repeat.
      const raced = e instanceof AppError ? await getDealRequest(db, key) : null;
      if (raced) return replay(raced, caller, fingerprint);
      throw e;
    }
    try {
      const written = await transact(db, (tx) => writeDeal(tx, key, plan, caller, fingerprint));
      if (written.wrote) await announceCredits(db, plan, now);
      return written.answer;
    } catch (e) {
      if (!(e instanceof StaleFacts)) throw e;
      if (attempt >= LOAD_ATTEMPTS) throw refuse('CONFLICT');
      await sleep(Math.random() * Math.min(200, 5 * 2 ** Math.min(attempt, 6)));
    }
  }
}

/** The first answer of a request key, to whoever may see the customer and asks the same again. */
function replay(doc: DealRequestDoc, caller: Caller, fingerprint: string): DealAnswer {
  if (!canSeePerson(caller, doc)) throw refuse('NOT_FOUND');
  if (doc.fingerprint !== fingerprint) {
    throw refuse('CONFLICT', '该录入编号已用于另一笔成交，请重新打开录入页面后再录入');
  }
  return doc.result;
}

function fingerprintOf(input: RecordInput): string {
  return JSON.stringify([
    input.customerId,
    input.items.map((i) => [i.productId, i.amountFen, i.paidFen]),
    (input.useRewards ?? []).map((u) => [u.kind, u.amount]),
  ]);
}

async function planDeal(
  db: Database,
  input: RecordInput,
  caller: Caller,
  now: Date,
  fingerprint: string,
): Promise<Plan> {
  // The version is read before the deals and ledgers it guards.
  const customer = await getCustomer(db, input.customerId);
  if (!customer || !canSeePerson(caller, customer)) throw refuse('NOT_FOUND');
  const seenVersion = customer.accountVersion ?? 0;
  const uses = input.useRewards ?? [];
  const [checkedIn, products, settings, referral, ownLedger, attribution] = await Promise.all([
    hasCheckedIn(db, customer._id),
    getProducts(
      db,
      input.items.map((i) => i.productId),
    ),
    loadSettings(db, customer.chainId),
    getReferral(db, customer._id),
    uses.length > 0 ? ledgerOf(db, customer._id) : Promise.resolve(undefined),
    getAttribution(db, customer._id),
  ]);
  if (!checkedIn) throw refuse('NOT_CHECKED_IN');
  input.items.forEach((item, i) => {
    const product = products.get(item.productId);
    const which = input.items.length > 1 ? `第 ${i + 1} 项：` : '';
    if (!product || product.active === false || product.chainId !== customer.chainId) {
      throw new AppError('PRODUCT_NOT_FOUND', which + ERROR_CATALOGUE.PRODUCT_NOT_FOUND);
    }
    if (product.storeIds.length > 0 && !product.storeIds.includes(customer.storeId)) {
      throw new AppError('PRODUCT_NOT_AT_STORE', which + ERROR_CATALOGUE.PRODUCT_NOT_AT_STORE);
    }
  });

  let relationship: ReferralFacts | undefined = referral
    ? {
        referrerCustomerId: referral.referrerCustomerId,
        status: referral.status,
        rewardCredited: referral.rewardCredited,
      }
    : undefined;
  let previousDeals: { id: string; paidFen: number; at: string }[] = [];
  let ledger: RewardLedgerEntry[] = ownLedger ?? [];
  let referrer: Stored<Customer> | null = null;
  if (creditFactsNeeded(customer._id, relationship, input.items)) {
    const referrerId = (relationship as ReferralFacts).referrerCustomerId;
    const [deals, referrerDoc, mine] = await Promise.all([
      dealsOf(db, customer._id),
      getCustomer(db, referrerId),
      ownLedger ? Promise.resolve(ownLedger) : ledgerOf(db, customer._id),
    ]);
    previousDeals = deals.map((d) => ({ id: d.id, paidFen: d.paidFen, at: d.at }));
    referrer = referrerDoc;
    if (referrer) {
      // The referrer's version (read above) guards their ledger, read after it.
      const theirs = await ledgerOf(db, referrer._id);
      const seen = new Set(mine.map((e) => e.id));
      ledger = [...mine, ...theirs.filter((e) => !seen.has(e.id))];
    } else {
      // A relationship whose referrer record is gone credits nobody.
      relationship = undefined;
      ledger = mine;
    }
  }

  // The shared rules work on entries, not stored documents (uses copy their credit's fields).
  ledger = ledger.map((e) => {
    const { _id: _ignored, ...entry } = e as RewardLedgerEntry & { _id?: string };
    return entry;
  });
  const at = now.toISOString();
  const staff = caller.staff;
  const settled = settleDeal(
    {
      requestId: input.idempotencyKey,
      chainId: customer.chainId,
      storeId: customer.storeId,
      customerId: customer._id,
      items: input.items,
      useRewards: uses,
      useKey: rewardUseKeyFor(input.idempotencyKey),
      at,
      ...(staff ? { staffId: staff.id, department: staff.department } : {}),
    },
    { customerKind: customer.kind, referral: relationship, previousDeals, ledger },
    settings,
  );
  if (!settled.ok) throw new AppError(settled.code, settled.message);

  const nameOf = (customerId: string) =>
    maskName(customerId === customer._id ? customer.name : (referrer as Stored<Customer>).name);
  const answer: DealAnswer = {
    requestId: input.idempotencyKey,
    dealIds: settled.deals.map((d) => d.id),
    customerMaskedName: maskName(customer.name),
    totals: settled.totals,
    credited: settled.credits.map((e) => ({
      role: e.role,
      maskedName: nameOf(e.customerId),
      kind: e.kind,
      amount: e.amount,
      unit: e.unit,
      ...(e.expiresOn ? { expiresOn: e.expiresOn } : {}),
      ...(e.giftName ? { giftName: e.giftName } : {}),
    })),
    skipped: settled.skipped.map((s) => ({
      role: s.role,
      policyId: s.policyId,
      reason: CREDIT_SKIP_MESSAGES[s.reason],
    })),
    used: uses.map((u) => ({ kind: u.kind, amount: u.amount, unit: u.kind === 'points' ? 'points' : 'fen' })),
    ...(settled.noRewardReason !== undefined ? { noRewardReason: settled.noRewardReason } : {}),
    becameExisting: settled.becomesExisting,
  };
  const creditsReferrer = referrer !== null && settled.credits.some((e) => e.customerId === referrer._id);
  // The star table counts what a referrer's friends spend, on every deal of the friend.
  const referredBy = referrer ?? (referral && relationship ? await getCustomer(db, referral.referrerCustomerId) : null);
  const reportEvents: RolledEvent[] = [
    ...settled.deals.map((deal, i) =>
      dealEventOf(deal, attribution, settled.becomesExisting && i === 0, customer, referredBy ?? undefined),
    ),
    ...(staff ? [{ type: 'served' as const, at: Date.parse(at), staffId: staff.id, personId: customer._id }] : []),
    ...[...settled.credits, ...settled.uses].map(rewardEventOf),
  ].map((event) => ({ event }));
  return {
    customer,
    seenVersion,
    ...(creditsReferrer && referrer
      ? { referrer: { id: referrer._id, seenVersion: referrer.accountVersion ?? 0, doc: referrer } }
      : {}),
    settings,
    settled,
    reportEvents,
    answer,
    request: {
      chainId: customer.chainId,
      storeId: customer.storeId,
      customerId: customer._id,
      ...(staff ? { staffId: staff.id } : {}),
      fingerprint,
      at,
      result: answer,
    },
  };
}

async function writeDeal(
  tx: Transaction,
  key: string,
  plan: Plan,
  caller: Caller,
  fingerprint: string,
): Promise<{ answer: DealAnswer; wrote: boolean }> {
  const deals = dealsInTx(tx);
  // A concurrent request with this key committed first: its answer, nothing written.
  const raced = await deals.getRequest(key);
  if (raced) return { answer: replay(raced, caller, fingerprint), wrote: false };
  const customers = customersInTx(tx);
  const customer = await customers.get(plan.customer._id);
  if (!customer) throw refuse('NOT_FOUND');
  if ((customer.accountVersion ?? 0) !== plan.seenVersion) throw new StaleFacts();
  if (plan.referrer) {
    const referrer = await customers.get(plan.referrer.id);
    if (!referrer || (referrer.accountVersion ?? 0) !== plan.referrer.seenVersion) throw new StaleFacts();
  }

  const { settled } = plan;
  for (const deal of settled.deals) await deals.put(deal);
  const ledger = ledgerInTx(tx);
  for (const entry of [...settled.credits, ...settled.uses]) await ledger.put(entry);
  // §1: the first paid deal makes a new customer an existing customer (老客).
  await customers.recordAccountChange(
    plan.customer._id,
    plan.seenVersion,
    settled.becomesExisting ? { kind: 'existing' } : {},
  );
  if (plan.referrer) await customers.recordAccountChange(plan.referrer.id, plan.referrer.seenVersion);
  if (settled.referralUpdate) {
    await referralsInTx(tx).update(plan.customer._id, { ...settled.referralUpdate, updatedAt: plan.request.at });
  }
  await rollUp(tx, { chainId: customer.chainId, storeId: customer.storeId }, plan.reportEvents, plan.request.at);
  await deals.putRequest(key, plan.request);
  return { answer: plan.answer, wrote: true };
}

/** 奖励已到账: each credit of the referrer, once (keyed by its ledger entry), after the deal committed. */
async function announceCredits(db: Database, plan: Plan, now: Date): Promise<void> {
  if (!plan.referrer) return;
  const referrerId = plan.referrer.id;
  for (const credit of plan.settled.credits.filter((e) => e.customerId === referrerId)) {
    await notifyReferrer(
      db,
      {
        progress: 'rewarded',
        eventId: credit.id,
        chainId: plan.customer.chainId,
        referrerCustomerId: referrerId,
        friendMaskedName: plan.answer.customerMaskedName,
        date: localDate(now),
        detail: creditText(credit),
      },
      now,
      { referrer: plan.referrer.doc, settings: plan.settings },
    );
  }
}
