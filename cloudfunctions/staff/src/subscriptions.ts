import * as z from 'zod';
import { chooseChannel, subscribeCanReach, type ClinicSettings, type StaffContract } from '@clinic/shared';
import { loadSettings } from '../../data/clinic';
import { bankSubscribeResults, grantCount } from '../../data/grants';
import type { Caller } from '../../platform/access';
import type { Database } from '../../platform/db-types';
import { AppError } from '../../platform/errors';

type In<A extends keyof StaffContract> = z.output<StaffContract[A]['input']>;
type Me = NonNullable<Caller['staff']>;

/** The subscribe templates a staff member may bank grants for: the clinic's digest template. */
const staffTemplates = (settings: ClinicSettings) => [settings.notifications.staffDigestTemplateId];

/** Whether the daily digest can reach this staff member outside the app, by the clinic's channel order. */
export async function digestReach(db: Database, openid: string, settings: ClinicSettings) {
  const { staffDigestTemplateId, staffDigestLongTerm, channelOrder } = settings.notifications;
  const digestGrants = openid ? await grantCount(db, openid, staffDigestTemplateId) : 0;
  const subscribe = openid !== '' && subscribeCanReach(digestGrants, staffDigestLongTerm);
  const reachable = chooseChannel(channelOrder.staff_digest, { subscribe }) !== 'in_app';
  return { digestGrants, longTerm: staffDigestLongTerm, reachable };
}

/**
 * Banks what `wx.requestSubscribeMessage` answered for the digest (data/grants.ts). A template the
 * clinic does not use is refused and nothing is written.
 */
export async function recordSubscription(input: In<'recordSubscription'>, caller: Caller, db: Database, now: Date) {
  const staff = caller.staff as Me;
  const settings = await loadSettings(db, staff.chainId);
  const known = staffTemplates(settings);
  const templateIds = Object.keys(input.results);
  if (templateIds.some((t) => !known.includes(t))) {
    throw new AppError('INVALID_INPUT', '订阅的消息模板不是本店使用的模板，请刷新后重试');
  }
  await bankSubscribeResults(db, caller.openid, input.results, now.toISOString());
  const { digestGrants, reachable } = await digestReach(db, caller.openid, settings);
  return { digestGrants, reachable };
}
