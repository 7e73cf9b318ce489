import { maskName, type AttributionRecord, type AttributionView, type ClinicSettings } from '@clinic/shared';
import { getCustomer } from '../data/customers';
import { getStaff } from '../data/staff';
import type { Database } from '../platform/db-types';

/** The attribution as the desk shows it: labels and names looked up, the referrer masked. */
export async function attributionView(
  db: Database,
  a: AttributionRecord,
  settings: ClinicSettings,
  referrerCustomerId: string | undefined,
): Promise<AttributionView> {
  const [staff, referrer] = await Promise.all([
    a.creditedStaffId ? getStaff(db, a.creditedStaffId) : Promise.resolve(null),
    referrerCustomerId ? getCustomer(db, referrerCustomerId) : Promise.resolve(null),
  ]);
  return {
    channel: a.channel,
    channelLabel: settings.channels[a.channel] ?? a.channel,
    level: a.level,
    rule: a.rule,
    explanation: a.explanation,
    provisional: a.provisional,
    ...(a.creditedStaffId ? { creditedStaffId: a.creditedStaffId } : {}),
    ...(staff ? { creditedStaffName: staff.name } : {}),
    ...(referrer ? { referrerDisplayName: maskName(referrer.name) } : {}),
  };
}
