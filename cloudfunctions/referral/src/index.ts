import {
  availableBalance,
  benefitLines,
  codeFromScene,
  detectSelfReferral,
  invitationClinic,
  invitationFileIds,
  parseCodeOfAnyLength,
  referralContract,
  referralTermsOf,
  resolveCard,
  sceneForCode,
  shownReferrer,
} from '@clinic/shared';
import { getCard } from '../../data/cards';
import { listActiveStores, loadSettings } from '../../data/clinic';
import { customerOfCaller, getCustomer } from '../../data/customers';
import { grantCount } from '../../data/grants';
import { ledgerOf } from '../../data/ledger';
import {
  decodeOffsetCursor,
  decodeTimeCursor,
  encodeOffsetCursor,
  encodeTimeCursor,
  nextTimeCursor,
} from '../../data/pagination';
import { pendingReferralCount, referralsOf } from '../../data/referrals';
import type { Caller } from '../../platform/access';
import { defineFunction } from '../../platform/define-function';
import { AppError, refuse } from '../../platform/errors';
import { activeOrIssue, qrFor, revokeActiveCard, sharePathFor } from './card';
import { tempUrlsOf } from '../../services/files';
import { clinicView } from './invitation';
import { chooseShownProfile, shownAsOf, shownProfileView } from './shown-profile';

/** The guard admitted an existing customer and handed over their record. */
const holderOf = (caller: Caller) => caller.customer as NonNullable<Caller['customer']>;

export const main = defineFunction(
  referralContract,
  {
    async getMyCard(_input, { caller, db, now }) {
      const customer = holderOf(caller);
      const settings = await loadSettings(db, customer.chainId);
      const card = await activeOrIssue(db, customer, settings, now);
      // The prefix is the clinic's current setting; resolving accepts any (printed cards outlive it).
      const scene = sceneForCode(card.code, settings.referralCode.scenePrefix);
      const qrFileId = card.qrFileId ?? (await qrFor(db, customer._id, card.code, scene));
      const updateTemplateId = settings.notifications.referralUpdateTemplateId;
      const avatarFileId = shownReferrer(customer, customer.shownProfile).avatarFileId;
      const [urls, updateGrants] = await Promise.all([
        tempUrlsOf([qrFileId, avatarFileId].filter((id): id is string => !!id)),
        grantCount(db, caller.openid, updateTemplateId),
      ]);
      const qrUrl = qrFileId ? urls.get(qrFileId) : undefined;
      return {
        code: card.code,
        scene,
        issuedAt: card.issuedAt,
        ...(qrFileId ? { qrFileId } : {}),
        ...(qrUrl ? { qrUrl } : {}),
        sharePath: sharePathFor(card.code),
        referrerBenefits: benefitLines(settings.rewards.policies, 'referrer'),
        refereeBenefits: benefitLines(settings.rewards.policies, 'referee'),
        updateTemplateId,
        updateGrants,
        referralTerms: referralTermsOf(settings),
        shownAs: shownAsOf(customer, urls),
        shownProfile: shownProfileView(customer.shownProfile, caller.openid),
      };
    },

    async setShownProfile(input, { caller, db, now }) {
      return chooseShownProfile(db, holderOf(caller), caller.openid, input, now);
    },

    async revokeCard(_input, { caller, db, now }) {
      return { revokedCode: await revokeActiveCard(db, holderOf(caller), now) };
    },

    async resolveLanding(input, { db, openid }) {
      // Typos are answered without a database read; unknown and revoked codes get one same answer.
      const parsed = input.code !== undefined ? parseCodeOfAnyLength(input.code) : codeFromScene(input.scene as string);
      if (!parsed.ok) throw new AppError('INVALID_CODE', parsed.message);
      const card = resolveCard(await getCard(db, parsed.code));
      if (!card) throw refuse('INVALID_CODE');
      const [referrer, settings, stores] = await Promise.all([
        getCustomer(db, card.customerId),
        loadSettings(db, card.chainId),
        listActiveStores(db),
      ]);
      if (!referrer) throw refuse('INVALID_CODE');
      // The holder opening their own link: decided by the WeChat account, never by the page.
      const own = detectSelfReferral({ customerId: referrer._id, openids: referrer.openids }, { openids: [openid] });
      // Friends see the nickname and avatar only while the referrer agrees (shared shownReferrer).
      const shown = shownReferrer(referrer, referrer.shownProfile);
      const clinic = invitationClinic(settings.clinicProfile, stores, referrer);
      const urls = await tempUrlsOf([
        ...(shown.avatarFileId ? [shown.avatarFileId] : []),
        ...invitationFileIds(clinic),
      ]);
      const avatarUrl = shown.avatarFileId ? urls.get(shown.avatarFileId) : undefined;
      return {
        code: parsed.code,
        referrerDisplayName: shown.name,
        ...(avatarUrl ? { referrerAvatarUrl: avatarUrl } : {}),
        benefits: benefitLines(settings.rewards.policies, 'referee'),
        clinic: clinicView(clinic, urls),
        keepDays: settings.referralCode.keepOnDeviceDays,
        ...(own ? { ownCard: true } : {}),
        referralTerms: referralTermsOf(settings),
        storeId: referrer.storeId,
      };
    },

    async listMyReferrals({ cursor, limit }, { caller, db }) {
      const after = decodeTimeCursor(cursor);
      const found = await referralsOf(db, holderOf(caller)._id, after, limit + 1);
      const page = found.slice(0, limit);
      const next =
        found.length > limit
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
      const [ledger, pendingReferrals] = await Promise.all([
        ledgerOf(db, customer._id),
        pendingReferralCount(db, customer._id),
      ]);
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
  },
  {
    access: {
      getMyCard: ['existing_customer'],
      revokeCard: ['existing_customer'],
      setShownProfile: ['existing_customer'],
      resolveLanding: ['user'],
      listMyReferrals: ['existing_customer'],
      // A new customer has a ledger too (R9: referees are rewarded); without a record it is empty.
      listMyRewards: ['user'],
    },
  },
);
