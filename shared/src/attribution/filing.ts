import type { ClinicSettings } from '../settings/clinic-settings';
import type { ChannelId } from '../model/channels';
import type { AuditLogEntry, Filing, FilingSource } from '../model/entities';
import { REFERRAL_CHANNEL, WALK_IN_CHANNEL } from './attribute';

export const MINI_PROGRAM_CHANNEL = 'mini_program';

export interface FilingRequest {
  source: FilingSource;
  /** The channel of the filing staff member's team (source staff / crm_import). */
  channel?: ChannelId;
  referrerCustomerId?: string;
}

export type Classification =
  { ok: true; channel: ChannelId; level: 1 | 2 } | { ok: false; code: 'INVALID_INPUT'; message: string };

/**
 * Channel and level of a new filing (docs/business-rules.md §2). A card booking is level-1 老带新 by default,
 * or level-2 under 小程序 when `cardReferralChannel` says so; a mini-program booking without a
 * code is 小程序; a referral filed by another channel's team is that channel's level-2 referral.
 */
export function classifyFiling(req: FilingRequest, settings: ClinicSettings): Classification {
  const known = (c: string) => Object.prototype.hasOwnProperty.call(settings.channels, c);
  switch (req.source) {
    case 'card':
      if (!req.referrerCustomerId) return { ok: false, code: 'INVALID_INPUT', message: '推荐卡建档必须有推荐人' };
      return settings.cardReferralChannel === REFERRAL_CHANNEL
        ? { ok: true, channel: REFERRAL_CHANNEL, level: 1 }
        : { ok: true, channel: MINI_PROGRAM_CHANNEL, level: 2 };
    case 'mini_program':
      return { ok: true, channel: MINI_PROGRAM_CHANNEL, level: req.referrerCustomerId ? 2 : 1 };
    case 'desk':
      // An unfiled person at the desk is 直接来院 whatever they say (R2–R5).
      return { ok: true, channel: WALK_IN_CHANNEL, level: 1 };
    case 'staff':
    case 'crm_import': {
      const channel = req.channel;
      if (!channel || !known(channel)) return { ok: false, code: 'INVALID_INPUT', message: '请选择有效的建档渠道' };
      if (channel === REFERRAL_CHANNEL) {
        if (!req.referrerCustomerId) return { ok: false, code: 'INVALID_INPUT', message: '老带新建档必须填写推荐老客' };
        return { ok: true, channel, level: 1 };
      }
      return { ok: true, channel, level: req.referrerCustomerId ? 2 : 1 };
    }
  }
}

/** Fields of a filing that decide attribution; none of them ever changes (R8). */
export const REATTRIBUTION_CODE = 'REATTRIBUTION_FORBIDDEN';
export const REATTRIBUTION_MESSAGE = '不允许补单和改单：建档后渠道与归属不可变更';

export interface ChangeContext {
  actorId: string;
  at: string;
  auditId: string;
}

/** R8: a request to back-file or move a person to another channel/owner is always refused. */
export function rejectReattribution(
  filing: Filing,
  ctx: ChangeContext,
  action: 'backfill' | 'reassign_channel' | 'reassign_owner',
): { ok: false; code: typeof REATTRIBUTION_CODE; message: string; audit: AuditLogEntry } {
  return {
    ok: false,
    code: REATTRIBUTION_CODE,
    message: REATTRIBUTION_MESSAGE,
    audit: rejectedAudit(filing, ctx, `filing.${action}`, REATTRIBUTION_MESSAGE),
  };
}

function rejectedAudit(filing: Filing, ctx: ChangeContext, action: string, message: string): AuditLogEntry {
  return {
    id: ctx.auditId,
    chainId: filing.chainId,
    at: ctx.at,
    actorId: ctx.actorId,
    action,
    targetId: filing.id,
    storeId: filing.storeId,
    outcome: 'rejected',
    rule: 'R8',
    message,
  };
}
