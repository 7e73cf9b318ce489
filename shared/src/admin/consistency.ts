import { REFERRAL_CHANNEL, WALK_IN_CHANNEL } from '../attribution/attribute';
import { MINI_PROGRAM_CHANNEL } from '../attribution/filing';
import type { ClinicSettings } from '../settings/clinic-settings';
import type { FieldIssue } from './field-issues';
import type { SettingsSectionId } from './sections';

/** The channels the attribution rules name (R1–R9, §2): a clinic may rename them, never remove them. */
export const RULE_CHANNELS = [REFERRAL_CHANNEL, MINI_PROGRAM_CHANNEL, WALK_IN_CHANNEL] as const;

/**
 * What the schema alone cannot say: rules across fields (and across sections) that keep the
 * settings usable by the rules that read them. `editing` is the section being saved, so that an
 * issue is reported on a field of the form the manager has open.
 */
export function consistencyIssues(
  next: ClinicSettings,
  editing: SettingsSectionId,
  before: ClinicSettings,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const known = (c: string) => Object.prototype.hasOwnProperty.call(next.channels, c);

  for (const id of RULE_CHANNELS) {
    if (!known(id)) {
      const label = before.channels[id] ?? id;
      issues.push({ path: `channels.${id}`, message: `渠道“${label}”是归属规则所用的渠道，可以改名，不能删除` });
    }
  }

  for (const id of Object.keys(next.commissionBpByChannel).sort()) {
    if (known(id)) continue;
    issues.push(
      editing === 'attribution'
        ? {
            path: 'channels',
            message: `渠道“${before.channels[id] ?? id}”还设有提成比例，请先在“目标与提成”中删除它的提成比例`,
          }
        : { path: `commissionBpByChannel.${id}`, message: '渠道提成比例：该渠道不在渠道列表中' },
    );
  }

  duplicates(next.rewards.policies.map((p) => p.id)).forEach((i) =>
    issues.push({ path: `rewards.policies.${i}.id`, message: '政策编号：与前面的政策重复' }),
  );

  const windows = next.goldenTime.windows;
  duplicates(windows.map((w) => w.id)).forEach((i) =>
    issues.push({ path: `goldenTime.windows.${i}.id`, message: '窗口编号：与前面的窗口重复' }),
  );
  windows.forEach((w, i) => {
    if (w.toMonth !== null && w.toMonth < w.fromMonth) {
      issues.push({ path: `goldenTime.windows.${i}.toMonth`, message: '结束月：不能早于起始月' });
    }
  });
  return issues;
}

/** Indexes of the values that repeat an earlier one. */
function duplicates(values: readonly string[]): number[] {
  return values.flatMap((v, i) => (values.indexOf(v) < i ? [i] : []));
}
