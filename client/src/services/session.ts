/**
 * The signed-in person, shared by the tab pages: one `user.login` serves 首页 and 我的 alike. A page
 * shown again within `FRESH_MS` uses the record it has; a change the person made here (a booking, a
 * bound phone, joining the staff) marks it stale so that the next show asks again. Changes made
 * elsewhere (a deal at the desk turning a 新客 into a 老客) show within `FRESH_MS`.
 */
import type { Result, UserRecord } from '@clinic/shared';
import { getDemoOpenid } from './demo-identity';
import { login } from './user';

export const FRESH_MS = 30_000;

let cached: { record: UserRecord; atMs: number; who: string } | null = null;
let inflight: { who: string; answer: Promise<Result<UserRecord>> } | null = null;

/** H5: the demo identity the calls carry (a new choice is a new person); weapp: WeChat's, one per device. */
const who = () => (process.env.TARO_ENV === 'h5' ? (getDemoOpenid() ?? '') : '');

/** The record from the last sign-in of this person, however old (a page shows it while it refreshes). */
export function knownMember(): UserRecord | null {
  return cached && cached.who === who() ? cached.record : null;
}

/** Whether the record is recent enough that a page shown again need not ask. */
export function memberIsFresh(nowMs = Date.now()): boolean {
  return cached !== null && cached.who === who() && nowMs - cached.atMs < FRESH_MS;
}

/** Signs in (user.login); calls made while one is under way share its answer. */
export function signInMember(nowMs: () => number = Date.now): Promise<Result<UserRecord>> {
  const person = who();
  if (inflight && inflight.who === person) return inflight.answer;
  const answer = login().then((res) => {
    if (inflight?.answer === answer) inflight = null;
    if (res.ok) cached = { record: res.data, atMs: nowMs(), who: person };
    return res;
  });
  inflight = { who: person, answer };
  return answer;
}

/** Something the person did here changed their record: the next show asks the server again. */
export function markMemberStale(): void {
  if (cached) cached = { ...cached, atMs: -Infinity };
}

/** Tests: forget everything. */
export function resetSession(): void {
  cached = null;
  inflight = null;
}
