import type { ClinicSettings, UserContract } from '@clinic/shared';
import type { z } from 'zod';
import { loadSettings } from '../../data/clinic';
import { customerOfCaller } from '../../data/customers';
import { bankSubscribeResults } from '../../data/grants';
import type { Database } from '../../platform/db-types';
import { AppError } from '../../platform/errors';

type In = z.output<UserContract['recordSubscription']['input']>;

/** The subscribe templates a customer may bank grants for: the visit reminder and the referrer's updates. */
export const customerTemplates = (settings: ClinicSettings) => [
  settings.notifications.visitReminderTemplateId,
  settings.notifications.referralUpdateTemplateId,
];

/**
 * Banks a customer's subscribe answers (data/grants.ts) for the templates of the clinic they are a
 * customer of: someone with no customer record yet has nothing to be reminded of, and a template
 * the clinic does not use is refused with nothing written.
 */
export async function recordCustomerSubscription(input: In, openid: string, db: Database, now: Date) {
  const customer = await customerOfCaller(db, openid);
  if (!customer) throw new AppError('NOT_FOUND', '请先完成预约或领取推荐卡，再开启消息提醒');
  const known = customerTemplates(await loadSettings(db, customer.chainId));
  if (Object.keys(input.results).some((t) => !known.includes(t))) {
    throw new AppError('INVALID_INPUT', '订阅的消息模板不是本店使用的模板，请刷新后重试');
  }
  const grants = await bankSubscribeResults(db, openid, input.results, now.toISOString());
  return { grants: { ...grants } };
}
