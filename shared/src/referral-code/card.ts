import type { ReferralCard } from '../model/entities';

/**
 * The card holder document (one per existing customer, `_id` = customer id): the active code and
 * its stored mini-program code image. It is what makes "one active card per customer" hold: every
 * issue and revoke reads and writes it in one transaction.
 */
export type CardHolder = {
  customerId: string;
  chainId: string;
  activeCode: string | null;
  issuedAt: string | null;
  qrFileId: string | null;
  lastRevokedCode?: string | null;
  updatedAt: string;
};

export interface ActiveCard {
  code: string;
  issuedAt: string;
  qrFileId?: string;
}

/** The holder's active card, if any. */
export function activeCardOf(holder: CardHolder | null): ActiveCard | undefined {
  if (!holder?.activeCode || !holder.issuedAt) return undefined;
  return {
    code: holder.activeCode,
    issuedAt: holder.issuedAt,
    ...(holder.qrFileId ? { qrFileId: holder.qrFileId } : {}),
  };
}

export type IssueCardResult =
  | { ok: true; created: false; active: ActiveCard }
  | { ok: true; created: true; active: ActiveCard; card: ReferralCard; holder: CardHolder }
  | { ok: false; code: 'NOT_EXISTING_CUSTOMER'; message: string };

/**
 * Only an existing customer (老客) has a card; one that has an active card keeps it; otherwise the
 * freshly drawn `code` (unused anywhere, checked by the caller) becomes the card and the holder's
 * active code.
 */
export function issueCard(
  holder: CardHolder | null,
  customer: { id: string; chainId: string; kind: 'existing' | 'new' },
  code: string,
  now: string,
): IssueCardResult {
  if (customer.kind !== 'existing') {
    return { ok: false, code: 'NOT_EXISTING_CUSTOMER', message: '首次消费后即可开通专属推荐卡' };
  }
  const current = activeCardOf(holder);
  if (current) return { ok: true, created: false, active: current };
  return {
    ok: true,
    created: true,
    active: { code, issuedAt: now },
    card: { code, customerId: customer.id, chainId: customer.chainId, status: 'active', issuedAt: now },
    holder: {
      customerId: customer.id,
      chainId: customer.chainId,
      activeCode: code,
      issuedAt: now,
      qrFileId: null,
      lastRevokedCode: holder?.lastRevokedCode ?? null,
      updatedAt: now,
    },
  };
}

export type RevokeCardResult =
  | { ok: true; revokedCode: string; holder: CardHolder; card: Pick<ReferralCard, 'status' | 'revokedAt'> }
  | { ok: false; code: 'NOT_FOUND'; message: string };

/** Revoking frees the customer for a new code; the revoked code never resolves again. */
export function revokeCard(holder: CardHolder | null, now: string): RevokeCardResult {
  const current = activeCardOf(holder);
  if (!holder || !current) return { ok: false, code: 'NOT_FOUND', message: '您当前没有可作废的推荐卡' };
  return {
    ok: true,
    revokedCode: current.code,
    card: { status: 'revoked', revokedAt: now },
    holder: {
      ...holder,
      activeCode: null,
      issuedAt: null,
      qrFileId: null,
      lastRevokedCode: current.code,
      updatedAt: now,
    },
  };
}

/**
 * The card a code stands for, only while it is active (and, when given, of this chain). Unknown and
 * revoked codes give the same answer, so that codes cannot be probed.
 */
export function resolveCard(card: ReferralCard | null, chainId?: string): ReferralCard | undefined {
  if (!card || card.status !== 'active') return undefined;
  if (chainId !== undefined && card.chainId !== chainId) return undefined;
  return card;
}
