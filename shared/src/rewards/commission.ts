import type { ClinicSettings } from '../settings/clinic-settings';
import type { ChannelId } from '../model/channels';
import { shareOfFen } from '../money/fen';

/** §4 incentive: staff commission on a deal, at the rate of the deal's channel (referral may be higher). */
export function commissionFen(paidFen: number, channel: ChannelId, settings: ClinicSettings): number {
  const bp = settings.commissionBpByChannel[channel] ?? settings.defaultCommissionBp;
  return shareOfFen(paidFen, bp);
}
