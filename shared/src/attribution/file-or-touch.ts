import type { AuditLogEntry, Filing } from '../model/entities';

/** What the database says about a person (one per phone and chain) before a new filing attempt. */
export interface PersonOnRecord {
  customerId: string;
  /** The first filing; null for a person known before this product (e.g. a CRM import). */
  filingId: string | null;
  /** R9: the referrer of the person's referral relationship, if they have one. */
  referrerCustomerId: string | null;
  /** 新客 (not yet paying) or 老客. Only a new customer can still gain a referral relationship. */
  kind: 'new' | 'existing';
}

/**
 * Who is making the attempt, as far as the referral claim is concerned: the person themselves
 * (their WeChat account is bound to the phone, or WeChat vouched for the phone), clinic staff, or
 * anyone else (someone who typed the phone).
 */
export type Claimant = 'self' | 'staff' | 'other';

export interface FilingAttempt {
  /** The filing this attempt would be if it were the person's first (classified, owner not set). */
  filing: Filing;
  claimant: Claimant;
  /** For the audit entry of a rejected claim. */
  actorId: string;
  auditId: string;
  /** The code or form the claim came through, for the audit message. */
  via: string;
}

export type FileOrTouch =
  | { kind: 'first'; filing: Filing; rule: 'R1'; referrerCustomerId?: string }
  | {
      kind: 'touch';
      filing: Filing;
      rule: 'R1' | 'R8';
      /** R8: a claim of another referrer for a filed person is refused and written to the audit log. */
      audit?: AuditLogEntry;
      /** R9: a late claim that gives a not-yet-paying person with no referrer their referral relationship. */
      newReferrerCustomerId?: string;
      /** The person's referrer after this attempt (for the booking). */
      referrerCustomerId?: string;
    };

/**
 * R1 at write time, over the person the database holds for the phone: no person → this attempt is
 * the first filing; a person → it is kept as a touch that changes nothing of their filing. A touch
 * that names a referrer other than the person's is an attempt to re-attribute (R8): refused, audited.
 * R9 still lets a late recommendation count for the *benefits* of a new customer who has no
 * referrer yet — but only when it comes from the person themselves or from staff, so that nobody
 * can make a stranger someone's referee by typing their phone.
 */
export function fileOrTouch(person: PersonOnRecord | null, attempt: FilingAttempt): FileOrTouch {
  const { filing } = attempt;
  const claimed = filing.referrerCustomerId;
  if (!person) {
    return {
      kind: 'first',
      filing: { ...filing, isTouch: false },
      rule: 'R1',
      ...(claimed ? { referrerCustomerId: claimed } : {}),
    };
  }
  const touch: Filing = { ...filing, customerId: person.customerId, isTouch: true };
  const current = person.referrerCustomerId ?? undefined;
  if (!claimed || claimed === current) {
    return { kind: 'touch', filing: touch, rule: 'R1', ...(current ? { referrerCustomerId: current } : {}) };
  }
  const audit: AuditLogEntry = {
    id: attempt.auditId,
    chainId: filing.chainId,
    at: filing.at,
    actorId: attempt.actorId,
    action: 'filing.claim_referrer',
    targetId: person.filingId ?? person.customerId,
    storeId: filing.storeId,
    outcome: 'rejected',
    rule: 'R8',
    message: `已建档客户经${attempt.via}再次登记推荐人：不允许补单和改单，渠道与归属不变（原推荐人：${current ?? '无'}），记为接触`,
  };
  const gainsRelationship = current === undefined && person.kind === 'new' && attempt.claimant !== 'other';
  return {
    kind: 'touch',
    filing: touch,
    rule: 'R8',
    audit,
    ...(gainsRelationship ? { newReferrerCustomerId: claimed, referrerCustomerId: claimed } : {}),
    ...(!gainsRelationship && current ? { referrerCustomerId: current } : {}),
  };
}
