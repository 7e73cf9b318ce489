import {
  RULE_CHANNELS,
  replaceSection,
  sectionValue,
  valueAtPath,
  type ClinicSettings,
  type SettingsSectionId,
} from '@clinic/shared';
import { fromDraftValue, toDraftValue, type DraftValue, type Kind } from './field-kinds';
import { SECTION_LAYOUTS, type FieldSpec } from './settings-layout';

/**
 * A settings section as its form holds it, and back. The form keeps what was typed; saving turns
 * it into the section's value (percent → basis points, yuan → fen, empty → null where allowed),
 * then checks it with the same shared rules the server applies, so most mistakes are shown under
 * their field before anything is sent. Errors are keyed by the setting's path, as the server's.
 */
export interface ListItemDraft {
  /** The stored item this row started from (fields the form does not show are kept). */
  base: Record<string, unknown>;
  values: Record<string, DraftValue>;
}

export interface ChannelRow {
  id: string;
  label: string;
  /** A channel the attribution rules name: renamable, not removable. */
  fixed: boolean;
  /** Added on this form: its id may still be typed. */
  isNew: boolean;
}

export interface SectionDraft {
  fields: Record<string, DraftValue>;
  lists: Record<string, ListItemDraft[]>;
  channels: ChannelRow[];
  /** Per channel id, the commission percent typed ('' = the default rate). */
  commission: Record<string, string>;
}

export type FieldErrors = Record<string, string>;

const fullPath = (base: string, key: string) => (base ? `${base}.${key}` : key);
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v ?? null)) as T;

export const itemKind = (spec: FieldSpec, values: Readonly<Record<string, unknown>>): Kind =>
  spec.kindByItem ? spec.kindByItem(values) : spec.kind;

export function listItemDraft(spec: { fields: FieldSpec[] }, item: Record<string, unknown>): ListItemDraft {
  const values: Record<string, DraftValue> = {};
  for (const f of spec.fields) values[f.key] = toDraftValue(itemKind(f, item), item[f.key]);
  return { base: copy(item), values };
}

/** The form of a section, filled from the settings. */
export function toDraft(section: SettingsSectionId, settings: ClinicSettings): SectionDraft {
  const draft: SectionDraft = { fields: {}, lists: {}, channels: [], commission: {} };
  for (const block of SECTION_LAYOUTS[section].blocks) {
    if (block.type === 'fields') {
      for (const f of block.fields) {
        const path = fullPath(block.base, f.key);
        draft.fields[path] = toDraftValue(f.kind, valueAtPath(settings, path));
      }
    } else if (block.type === 'list') {
      const items = (valueAtPath(settings, block.path) as Record<string, unknown>[] | undefined) ?? [];
      draft.lists[block.path] = items.map((item) => listItemDraft(block, item));
    } else if (block.type === 'channels') {
      draft.channels = Object.entries(settings.channels).map(([id, label]) => ({
        id,
        label,
        fixed: (RULE_CHANNELS as readonly string[]).includes(id),
        isNew: false,
      }));
    } else {
      for (const [id, bp] of Object.entries(settings.commissionBpByChannel)) {
        draft.commission[id] = toDraftValue({ type: 'percent' }, bp) as string;
      }
    }
  }
  return draft;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let at = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof at[part] !== 'object' || at[part] === null) at[part] = {};
    at = at[part] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1] as string;
  if (value === undefined) delete at[last];
  else at[last] = value;
}

export type DraftResult = { ok: true; value: Record<string, unknown> } | { ok: false; errors: FieldErrors };

/**
 * The section's value made of the form, checked by shared `replaceSection` against the current
 * settings: the value to send, or the errors by field.
 */
export function fromDraft(section: SettingsSectionId, draft: SectionDraft, settings: ClinicSettings): DraftResult {
  const value = copy(sectionValue(settings, section)) as Record<string, unknown>;
  const errors: FieldErrors = {};
  const put = (path: string, kind: Kind, typed: DraftValue | undefined, into = value, intoPath = path) => {
    const parsed = fromDraftValue(kind, typed ?? '');
    if (parsed.ok) setPath(into, intoPath, parsed.value);
    else errors[path] = parsed.message;
  };
  for (const block of SECTION_LAYOUTS[section].blocks) {
    if (block.type === 'fields') {
      for (const f of block.fields) {
        const path = fullPath(block.base, f.key);
        put(path, f.kind, draft.fields[path]);
      }
    } else if (block.type === 'list') {
      const items = (draft.lists[block.path] ?? []).map((item, i) => {
        const out = copy(item.base);
        for (const f of block.fields) {
          put(`${block.path}.${i}.${f.key}`, itemKind(f, item.values), item.values[f.key], out, f.key);
        }
        return out;
      });
      setPath(value, block.path, items);
    } else if (block.type === 'channels') {
      const channels: Record<string, string> = {};
      for (const row of draft.channels) {
        const id = row.id.trim();
        if (Object.prototype.hasOwnProperty.call(channels, id)) errors.channels = `渠道编号 ${id} 重复`;
        channels[id] = row.label.trim();
      }
      value.channels = channels;
    } else {
      const rates: Record<string, number> = {};
      for (const [id, typed] of Object.entries(draft.commission)) {
        if (typed.trim() === '') continue;
        const parsed = fromDraftValue({ type: 'percent' }, typed);
        if (parsed.ok) rates[id] = parsed.value as number;
        else errors[`commissionBpByChannel.${id}`] = parsed.message;
      }
      value.commissionBpByChannel = rates;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const checked = replaceSection(settings, section, value);
  if (!checked.ok) return { ok: false, errors: errorsOf(checked.issues) };
  return { ok: true, value };
}

/** Issues by path; the first message of a path is kept. */
export function errorsOf(issues: readonly { path: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const i of issues) if (!(i.path in errors)) errors[i.path] = i.message;
  return errors;
}
