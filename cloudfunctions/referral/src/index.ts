import { randomInt } from 'crypto';
import {
  availableBalance,
  benefitLines,
  issueCard,
  maskName,
  referralContract,
  sceneForCode,
  type ClinicSettings,
  type Customer,
  type ReferralCard,
  type RewardLedgerEntry,
} from '@clinic/shared';
import { defineFunction } from '../../common/define-function';
import { AppError } from '../../common/errors';
import { COLLECTIONS } from '../../common/collections';
import { MESSAGES } from '../../common/codes';
import { customerOfCaller, getById, getCustomer, loadSettings, type Stored } from '../../common/clinic';
import type { CardHolderDoc, ReferralDoc } from '../../common/booking-docs';
import type { Database } from '../../common/db-types';
import {
  decodeOffsetCursor,
  decodeTimeCursor,
  encodeOffsetCursor,
  encodeTimeCursor,
  nextTimeCursor,
} from '../../common/pagination';
import { LANDING_PAGE, parseScene, parseTypedCode, sharePathFor } from '../../common/referral-codes';
import { openapi, storage } from '../../common/sdk';
import { transact } from '../../common/transaction';

/** Ledger entries read for the balance: at most this many pages of the server's 100. */
const LEDGER_PAGE = 100;
const LEDGER_MAX_PAGES = 10;

async function existingCustomer(db: Database, openid: string): Promise<Stored<Customer>> {
  const customer = await customerOfCaller(db, openid);
  if (!customer || customer.kind !== 'existing') throw new AppError('NOT_EXISTING_CUSTOMER');
  return customer;
}

/** The active card, issued in a transaction on the holder document: one active code per customer. */
async function activeOrIssue(db: Database, customer: Stored<Customer>, settings: ClinicSettings, now: Date) {
  const holders = db.collection<CardHolderDoc>(COLLECTIONS.referralCardHolders);
  const { data: holder } = await holders.doc(customer._id).get();
  if (holder?.activeCode && holder.issuedAt) {
    return { code: holder.activeCode, issuedAt: holder.issuedAt, qrFileId: holder.qrFileId ?? undefined };
  }
  return transact(db, async (tx) => {
    const h = tx.collection<CardHolderDoc>(COLLECTIONS.referralCardHolders);
    const current = await h.doc(customer._id).get();
    if (current?.activeCode && current.issuedAt) {
      return { code: current.activeCode, issuedAt: current.issuedAt, qrFileId: current.qrFileId ?? undefined };
    }
    const cards = tx.collection<ReferralCard & { _id?: string }>(COLLECTIONS.referralCards);
    const nowIso = now.toISOString();
    for (let attempt = 0; attempt < 5; attempt++) {
      const issued = issueCard([], customer, nowIso, randomInt, settings.referralCode.bodyLength);
      if (!issued.ok) throw new AppError(issued.code, issued.message);
      const card = issued.card;
      if (await cards.doc(card.code).get()) continue; // taken (by anyone, ever): draw again
      await cards.doc(card.code).set(card);
      await h.doc(customer._id).set({
        customerId: customer._id,
        chainId: customer.chainId,
        activeCode: card.code,
        issuedAt: nowIso,
        qrFileId: null,
        lastRevokedCode: current?.lastRevokedCode ?? null,
        updatedAt: nowIso,
      });
      return { code: card.code, issuedAt: nowIso, qrFileId: undefined };
    }
    throw new AppError('CONFLICT');
  });
}

/**
 * The card's mini-program code: generated once per code, stored in cloud storage under a path
 * named by the code, and its fileID kept on the holder document. A concurrent second generation
 * writes the same path, so there is never more than one image per code.
 */
async function qrFor(db: Database, customerId: string, code: string, scene: string): Promise<string | undefined> {
  try {
    const image = await openapi.getUnlimitedCode({ scene, page: LANDING_PAGE, checkPath: false, width: 430 });
    // The real service answers JPEG unless asked for a transparent PNG; name the file by what came.
    const extension = /png/.test(image.contentType) ? 'png' : 'jpg';
    const fileId = await storage.upload(`referral-cards/${code}.${extension}`, image.buffer);
    await db
      .collection(COLLECTIONS.referralCardHolders)
      .where({ _id: customerId, activeCode: code })
      .update({ data: { qrFileId: fileId } });
    return fileId;
  } catch (e) {
    // The card still works without its image (code and share path); the next call tries again.
    console.error('referral QR generation failed', e);
    return undefined;
  }
}

export const main = defineFunction(referralContract, {
  async getMyCard(_input, { openid, db, now }) {
    const customer = await existingCustomer(db, openid);
    const settings = await loadSettings(db, customer.chainId);
    const card = await activeOrIssue(db, customer, settings, now);
    const scene = sceneForCode(card.code, settings.referralCode.scenePrefix);
    const qrFileId = card.qrFileId ?? (await qrFor(db, customer._id, card.code, scene));
    let qrUrl: string | undefined;
    if (qrFileId) {
      const [file] = await storage.tempUrls([qrFileId]);
      if (file && file.status === 0 && file.tempFileURL) qrUrl = file.tempFileURL;
    }
    return {
      code: card.code,
      scene,
      issuedAt: card.issuedAt,
      ...(qrFileId ? { qrFileId } : {}),
      ...(qrUrl ? { qrUrl } : {}),
      sharePath: sharePathFor(card.code),
      referrerBenefits: benefitLines(settings.rewards.policies, 'referrer'),
      refereeBenefits: benefitLines(settings.rewards.policies, 'referee'),
    };
  },

  async revokeCard(_input, { openid, db, now }) {
    const customer = await existingCustomer(db, openid);
    const nowIso = now.toISOString();
    const revokedCode = await transact(db, async (tx) => {
      const holders = tx.collection<CardHolderDoc>(COLLECTIONS.referralCardHolders);
      const holder = await holders.doc(customer._id).get();
      if (!holder?.activeCode) throw new AppError('NOT_FOUND', MESSAGES.NO_ACTIVE_CARD);
      const code = holder.activeCode;
      await tx
        .collection<ReferralCard & { _id?: string }>(COLLECTIONS.referralCards)
        .doc(code)
        .update({ status: 'revoked', revokedAt: nowIso });
      await holders.doc(customer._id).update({
        activeCode: null,
        issuedAt: null,
        qrFileId: null,
        lastRevokedCode: code,
        updatedAt: nowIso,
      });
      return code;
    });
    return { revokedCode };
  },

  async resolveLanding(input, { db }) {
    // Typos are answered without a database read; unknown and revoked codes get one same answer.
    const parsed = input.code !== undefined ? parseTypedCode(input.code) : parseScene(input.scene as string);
    if (!parsed.ok) throw new AppError('INVALID_CODE', parsed.message);
    const card = await getById<ReferralCard>(db, COLLECTIONS.referralCards, parsed.code);
    if (!card || card.status !== 'active') throw new AppError('INVALID_CODE', MESSAGES.INVALID_CODE);
    const [referrer, settings] = await Promise.all([getCustomer(db, card.customerId), loadSettings(db, card.chainId)]);
    if (!referrer) throw new AppError('INVALID_CODE', MESSAGES.INVALID_CODE);
    return {
      code: parsed.code,
      referrerDisplayName: maskName(referrer.name),
      benefits: benefitLines(settings.rewards.policies, 'referee'),
    };
  },

  async listMyReferrals({ cursor, limit }, { openid, db }) {
    const customer = await existingCustomer(db, openid);
    const after = decodeTimeCursor(cursor);
    const _ = db.command;
    const { data } = await db
      .collection<ReferralDoc>(COLLECTIONS.referrals)
      .where({
        referrerCustomerId: customer._id,
        ...(after ? { createdAtMs: _.lte!(after.atMs) } : {}),
      })
      .orderBy('createdAtMs', 'desc')
      .orderBy('_id', 'desc')
      .skip(after?.skip ?? 0)
      .limit(limit + 1)
      .get();
    const page = data.slice(0, limit);
    const next =
      data.length > limit
        ? nextTimeCursor(
            page.map((r) => ({ atMs: r.createdAtMs })),
            after,
          )
        : undefined;
    return {
      items: page.map((r) => ({
        maskedName: r.maskedName,
        maskedPhone: r.maskedPhone,
        filedOn: r.filedOn,
        status: r.status,
        rewardCredited: r.rewardCredited,
      })),
      ...(next ? { nextCursor: encodeTimeCursor(next) } : {}),
    };
  },

  async listMyRewards({ cursor, limit }, { openid, db, now }) {
    const offset = decodeOffsetCursor(cursor);
    // Rewards go to referrers and referees (R9): any customer record of the caller has a ledger.
    const customer = await customerOfCaller(db, openid);
    if (!customer) return { balanceFen: 0, points: 0, items: [], pendingReferrals: 0 };
    const ledger: Stored<RewardLedgerEntry>[] = [];
    for (let page = 0; page < LEDGER_MAX_PAGES; page++) {
      const { data } = await db
        .collection<Stored<RewardLedgerEntry> & Record<string, unknown>>(COLLECTIONS.rewardLedger)
        .where({ customerId: customer._id })
        .orderBy('_id', 'asc')
        .skip(page * LEDGER_PAGE)
        .limit(LEDGER_PAGE)
        .get();
      ledger.push(...(data as Stored<RewardLedgerEntry>[]));
      if (data.length < LEDGER_PAGE) break;
    }
    const _ = db.command;
    const { total: pendingReferrals } = await db
      .collection(COLLECTIONS.referrals)
      .where({ referrerCustomerId: customer._id, status: _.neq!('dealt') })
      .count();
    const nowIso = now.toISOString();
    const balanceFen =
      availableBalance(ledger, customer._id, 'rebate', nowIso) +
      availableBalance(ledger, customer._id, 'gift_voucher', nowIso);
    const points = availableBalance(ledger, customer._id, 'points', nowIso);
    const sorted = [...ledger].sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || (a._id < b._id ? 1 : -1));
    const page = sorted.slice(offset, offset + limit);
    return {
      balanceFen,
      points,
      pendingReferrals,
      items: page.map((e) => ({
        id: e.id,
        type: e.type,
        kind: e.kind,
        amount: e.amount,
        unit: e.unit,
        at: e.at,
        ...(e.expiresOn ? { expiresOn: e.expiresOn } : {}),
        ...(e.giftName ? { giftName: e.giftName } : {}),
      })),
      ...(offset + limit < sorted.length ? { nextCursor: encodeOffsetCursor(offset + limit) } : {}),
    };
  },
});
