import type { ClinicSettings } from '../settings/clinic-settings';

/**
 * The clinic's settings as managers edit them: every top-level key of `ClinicSettings` belongs to
 * exactly one section, and a change replaces one section at a time (so two managers editing
 * different things still conflict only through the settings version, never by mixing halves).
 */
export const SETTINGS_SECTIONS = {
  attribution: { label: '渠道与归属', keys: ['channels', 'cardReferralChannel', 'minLeadDays'] },
  targets: { label: '目标与提成', keys: ['referralShareTargetBp', 'defaultCommissionBp', 'commissionBpByChannel'] },
  rewards: { label: '奖励政策', keys: ['rewards'] },
  followUp: { label: '回访节奏', keys: ['followUp'] },
  goldenTime: { label: '黄金时间', keys: ['goldenTime'] },
  referralCode: { label: '推荐码与分享', keys: ['referralCode'] },
  notifications: { label: '消息与提醒', keys: ['visitReminderDaysBefore', 'notifications'] },
  privacy: { label: '隐私政策', keys: ['privacyNoticeVersion'] },
  clinicProfile: { label: '机构资质与医生', keys: ['clinicProfile'] },
} as const satisfies Record<string, { label: string; keys: readonly (keyof ClinicSettings)[] }>;

export type SettingsSectionId = keyof typeof SETTINGS_SECTIONS;
export const SETTINGS_SECTION_IDS = Object.keys(SETTINGS_SECTIONS) as [SettingsSectionId, ...SettingsSectionId[]];

type KeysOf<S extends SettingsSectionId> = (typeof SETTINGS_SECTIONS)[S]['keys'][number];
/** What one section holds: its keys of the settings, nothing else. */
export type SectionValue<S extends SettingsSectionId = SettingsSectionId> = Pick<ClinicSettings, KeysOf<S>>;

export const isSettingsSection = (id: string): id is SettingsSectionId =>
  Object.prototype.hasOwnProperty.call(SETTINGS_SECTIONS, id);

/** The section a top-level settings key belongs to. */
export function sectionOfKey(key: keyof ClinicSettings): SettingsSectionId {
  const found = SETTINGS_SECTION_IDS.find((id) => (SETTINGS_SECTIONS[id].keys as readonly string[]).includes(key));
  // Unreachable while every key is in a section (tested); a new key without one must fail loudly.
  if (!found) throw new Error(`settings key ${key} belongs to no section`);
  return found;
}

/** One section of the settings, as stored (a copy: editing it never touches the settings). */
export function sectionValue<S extends SettingsSectionId>(settings: ClinicSettings, section: S): SectionValue<S> {
  const value: Record<string, unknown> = {};
  for (const key of SETTINGS_SECTIONS[section].keys) value[key] = structuredCloneJson(settings[key]);
  return value as SectionValue<S>;
}

/** Settings are plain JSON (zod output of JSON input), so a JSON round trip is an exact deep copy. */
function structuredCloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
