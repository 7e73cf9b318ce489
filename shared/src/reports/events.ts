import type { ChannelId } from '../model/channels';
import type { StaffPost } from '../model/people';

/**
 * The events the report reducers fold over (docs/business-rules.md §9). `at` is epoch milliseconds: the
 * reducers are the hot path (a chain's year is millions of events), so parsing happens once, where
 * events are loaded. Money is integer fen.
 */
interface Base {
  at: number;
  storeId?: string;
}

export interface FilingEvent extends Base {
  type: 'filing';
  personId: string;
  channel: ChannelId;
  level: 1 | 2;
  staffId?: string;
  post?: StaffPost;
  referrerId?: string;
  referrerStar?: number;
  /** Day number (days since 1970-01-01, Shanghai) of the referrer's last treatment (golden time). */
  referrerLastTreatmentDay?: number;
  productId?: string;
  group?: string;
}

export interface BookingEvent extends Base {
  type: 'booking';
  personId: string;
  productId: string;
  channel: ChannelId;
}

export interface VisitEvent extends Base {
  type: 'visit';
  personId: string;
  channel: ChannelId;
  level: 1 | 2;
  /** The person's first visit (a consultation), as opposed to a return visit. */
  first: boolean;
  productId?: string;
  staffId?: string;
  post?: StaffPost;
  group?: string;
}

export interface DealEvent extends Base {
  type: 'deal';
  personId: string;
  productId: string;
  amountFen: number;
  channel: ChannelId;
  level: 1 | 2;
  /** The person's first deal; later deals are second purchases. */
  first: boolean;
  staffId?: string;
  post?: StaffPost;
  referrerId?: string;
  referrerStar?: number;
  group?: string;
}

/** Treatment consumed from a prepaid package (消耗业绩). */
export interface ConsumeEvent extends Base {
  type: 'consume';
  personId: string;
  amountFen: number;
}

export interface FollowUpEvent extends Base {
  type: 'followup';
  staffId: string;
  post?: StaffPost;
  dueDay: number;
  /** Day number it was done; absent while open. */
  doneDay?: number;
}

export interface ServedEvent extends Base {
  type: 'served';
  staffId: string;
  post?: StaffPost;
  personId: string;
}

/** A snapshot row: one old customer owned by a staff member (老客总量, 满意客户量). */
export interface OwnedCustomerEvent extends Base {
  type: 'owned';
  staffId: string;
  post?: StaffPost;
  satisfied: boolean;
}

export interface RewardEvent extends Base {
  type: 'reward';
  entryType: 'credit' | 'use' | 'expire';
  unit: 'fen' | 'points' | 'item';
  amount: number;
}

export interface SpendEvent extends Base {
  type: 'spend';
  channel: ChannelId;
  amountFen: number;
}

export type ReportEvent =
  | FilingEvent
  | BookingEvent
  | VisitEvent
  | DealEvent
  | ConsumeEvent
  | FollowUpEvent
  | ServedEvent
  | OwnedCustomerEvent
  | RewardEvent
  | SpendEvent;
