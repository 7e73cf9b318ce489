import * as z from 'zod/mini';
import '../locale';
import { clinicSettingsSchema, parseSettings, type ClinicSettings } from '../settings/clinic-settings';
import { changedPaths } from './changes';
import { consistencyIssues } from './consistency';
import { fieldIssuesOf, type FieldIssue } from './field-issues';
import { SETTINGS_FIELD_LABELS, labelOfPath } from './field-labels';
import { SETTINGS_SECTIONS, sectionValue, type SectionValue, type SettingsSectionId } from './sections';

/** A section's schema: exactly its keys of the settings schema (unknown keys refused, missing ones defaulted). */
export function sectionSchema(section: SettingsSectionId) {
  const shape = clinicSettingsSchema.shape as Record<string, z.ZodMiniType>;
  return z.strictObject(
    Object.fromEntries(SETTINGS_SECTIONS[section].keys.map((key) => [key, shape[key] as z.ZodMiniType])),
  );
}

export const settingsFieldLabel = (path: string) => labelOfPath(SETTINGS_FIELD_LABELS, path);

export type SectionEdit =
  | {
      ok: true;
      settings: ClinicSettings;
      before: SectionValue;
      after: SectionValue;
      /** Dotted paths that differ (empty: saving changes nothing). */
      changed: string[];
    }
  | { ok: false; issues: FieldIssue[] };

/**
 * Replaces one section of the settings with `value`, validated by the shared settings schema and
 * the cross-field rules: the settings after the change, or every field that is wrong (in Chinese,
 * by path) and nothing changed.
 */
export function replaceSection(current: ClinicSettings, section: SettingsSectionId, value: unknown): SectionEdit {
  const parsed = sectionSchema(section).safeParse(value);
  if (!parsed.success) return { ok: false, issues: fieldIssuesOf(parsed.error, settingsFieldLabel) };
  const next = parseSettings({ ...current, ...(parsed.data as Partial<ClinicSettings>) });
  const issues = consistencyIssues(next, section, current);
  if (issues.length > 0) return { ok: false, issues };
  const before = sectionValue(current, section);
  const after = sectionValue(next, section);
  return { ok: true, settings: next, before, after, changed: changedPaths(before, after) };
}
