/** Documents of the booking slice that are not entities of shared/ (bookkeeping, read models). */

/** One per phone and chain (`_id` = personIdFor): serialises every booking of that phone. */
export interface PersonDoc {
  _id?: string;
  chainId: string;
  customerId: string;
  /** The first filing (absent for a person filed before this product, e.g. a CRM import). */
  filingId: string | null;
  /** R9: the person's referrer for benefits (first filing's, or the first claimed before any). */
  referrerCustomerId: string | null;
  upcomingBookingId: string | null;
  bookings: number;
  touches: number;
  createdAt: string;
  updatedAt: string;
  [key: string]: unknown;
}

/** Places taken in one slot of one store (`_id` = slotKey). */
export interface SlotCounterDoc {
  _id?: string;
  storeId: string;
  date: string;
  slot: string;
  booked: number;
  updatedAt: string;
  [key: string]: unknown;
}

/** "My referrals" read model: `_id` = the referee's customer id (one referrer per referee, R9). */
export interface ReferralDoc {
  _id?: string;
  chainId: string;
  referrerCustomerId: string;
  refereeCustomerId: string;
  maskedName: string;
  maskedPhone: string;
  filedOn: string;
  status: 'filed' | 'booked' | 'visited' | 'dealt';
  rewardCredited: boolean;
  createdAtMs: number;
  createdAt: string;
  updatedAt: string;
  [key: string]: unknown;
}

/** The active card of a customer (`_id` = customer id) and its stored mini-program code image. */
export interface CardHolderDoc {
  _id?: string;
  customerId: string;
  chainId: string;
  activeCode: string | null;
  issuedAt: string | null;
  qrFileId: string | null;
  lastRevokedCode?: string | null;
  updatedAt: string;
  [key: string]: unknown;
}
