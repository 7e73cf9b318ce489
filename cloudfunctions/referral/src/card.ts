import { randomInt } from 'crypto';
import {
  generateReferralCode,
  issueCard,
  revokeCard,
  type ActiveCard,
  type ClinicSettings,
  type Customer,
  PAGE_PATHS,
} from '@clinic/shared';
import { cardsInTx, getCardHolder, setHolderQr } from '../../data/cards';
import type { Stored } from '../../data/documents';
import type { Database } from '../../platform/db-types';
import { AppError } from '../../platform/errors';
import { openapi, storage } from '../../platform/sdk';
import { transact } from '../../platform/transaction';

/** Fresh codes drawn before giving up with CONFLICT (31^7 codes: a clash is already rare). */
const CODE_TRIES = 5;
export const LANDING_PAGE = PAGE_PATHS.landing;
export const sharePathFor = (code: string) => `${LANDING_PAGE}?code=${code}`;

/**
 * The active card (shared `issueCard` over the holder document), issued in a transaction on the
 * holder: one active code per customer, however many calls race. The common case — the card
 * exists — is one read outside any transaction.
 */
export async function activeOrIssue(
  db: Database,
  customer: Stored<Customer>,
  settings: ClinicSettings,
  now: Date,
): Promise<ActiveCard> {
  const nowIso = now.toISOString();
  const known = issueCard(await getCardHolder(db, customer._id), customer, '', nowIso);
  if (!known.ok) throw new AppError(known.code, known.message);
  if (!known.created) return known.active;
  return transact(db, async (tx) => {
    const cards = cardsInTx(tx);
    const holder = await cards.getHolder(customer._id);
    for (let attempt = 0; attempt < CODE_TRIES; attempt++) {
      const code = generateReferralCode(randomInt, settings.referralCode.bodyLength);
      const issued = issueCard(holder, customer, code, nowIso);
      if (!issued.ok) throw new AppError(issued.code, issued.message);
      if (!issued.created) return issued.active;
      if (await cards.codeTaken(code)) continue; // taken (by anyone, ever): draw again
      await cards.putCard(issued.card);
      await cards.putHolder(issued.holder);
      return issued.active;
    }
    throw new AppError('CONFLICT');
  });
}

/** Revokes the active card (shared `revokeCard`); the next getMyCard issues a new code. */
export async function revokeActiveCard(db: Database, customer: Stored<Customer>, now: Date): Promise<string> {
  return transact(db, async (tx) => {
    const cards = cardsInTx(tx);
    const revoked = revokeCard(await cards.getHolder(customer._id), now.toISOString());
    if (!revoked.ok) throw new AppError(revoked.code, revoked.message);
    await cards.updateCard(revoked.revokedCode, revoked.card);
    await cards.putHolder(revoked.holder);
    return revoked.revokedCode;
  });
}

/**
 * The card's mini-program code: generated once per code, stored in cloud storage under a path
 * named by the code, and its fileID kept on the holder document. A concurrent second generation
 * writes the same path, so there is never more than one image per code.
 */
export async function qrFor(
  db: Database,
  customerId: string,
  code: string,
  scene: string,
): Promise<string | undefined> {
  try {
    const image = await openapi.getUnlimitedCode({ scene, page: LANDING_PAGE, checkPath: false, width: 430 });
    // The real service answers JPEG unless asked for a transparent PNG; name the file by what came.
    const extension = /png/.test(image.contentType) ? 'png' : 'jpg';
    const fileId = await storage.upload(`referral-cards/${code}.${extension}`, image.buffer);
    await setHolderQr(db, customerId, code, fileId);
    return fileId;
  } catch (e) {
    // The card still works without its image (code and share path); the next call tries again.
    console.error('referral QR generation failed', e);
    return undefined;
  }
}
