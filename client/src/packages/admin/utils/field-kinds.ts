import { yuanToFen } from '../../../utils/money-input';

/**
 * How a setting is typed on the form and what it is stored as: whole numbers with their unit,
 * percentages (stored as basis points), yuan (stored as fen), text, a switch, one of a list, a list
 * of whole numbers, an ordered choice. The form keeps what was typed (text) until it is saved.
 */
export type Option = { value: string; label: string };
export type Kind =
  | { type: 'int'; unit?: string; nullable?: string }
  | { type: 'percent' }
  | { type: 'yuan'; nullable?: string }
  | { type: 'text'; maxLength: number; optional?: boolean }
  | { type: 'bool'; on: string; off: string }
  | { type: 'choice'; options: readonly Option[] }
  | { type: 'intList'; unit?: string }
  | { type: 'order'; options: readonly Option[] };

/** What the form holds for one field. */
export type DraftValue = string | boolean | string[];

export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

export const KIND_MESSAGES = {
  required: '请填写',
  int: '请输入整数',
  percent: '请输入百分比，最多两位小数，例如 5 或 7.5',
  intList: '请用逗号分隔整数，例如 0, 7, 20',
} as const;

/** Basis points → `5`, `7.5`, `0.01` (percent, no trailing zeros). */
export function bpToPercentText(bp: number): string {
  const whole = Math.floor(bp / 100);
  const rest = bp % 100;
  if (rest === 0) return String(whole);
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** Percent text → basis points, exactly (never through a float multiplication). */
export function percentTextToBp(text: string): Parsed {
  const m = /^(\d{1,5})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/%$/, ''));
  if (!m) return { ok: false, message: KIND_MESSAGES.percent };
  return { ok: true, value: Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) };
}

/** Fen → yuan text: `98000` → `980`, `12345` → `123.45`. */
export function fenToYuanText(fen: number): string {
  const rest = fen % 100;
  return rest === 0 ? String(Math.floor(fen / 100)) : `${Math.floor(fen / 100)}.${String(rest).padStart(2, '0')}`;
}

/** A stored value as the form shows it. */
export function toDraftValue(kind: Kind, value: unknown): DraftValue {
  switch (kind.type) {
    case 'bool':
      return value === true;
    case 'order':
      return Array.isArray(value) ? value.map(String) : [];
    case 'intList':
      return Array.isArray(value) ? value.join(', ') : '';
    case 'percent':
      return typeof value === 'number' ? bpToPercentText(value) : '';
    case 'yuan':
      return typeof value === 'number' ? fenToYuanText(value) : '';
    case 'int':
      return typeof value === 'number' ? String(value) : '';
    case 'text':
    case 'choice':
      return typeof value === 'string' ? value : '';
  }
}

/** What the form holds, as the value to store; a field left empty is null where the setting allows it. */
export function fromDraftValue(kind: Kind, draft: DraftValue): Parsed {
  if (kind.type === 'bool') return { ok: true, value: draft === true };
  if (kind.type === 'order') return { ok: true, value: Array.isArray(draft) ? [...draft] : [] };
  const text = typeof draft === 'string' ? draft.trim() : '';
  switch (kind.type) {
    case 'text':
      return kind.optional && text === '' ? { ok: true, value: undefined } : { ok: true, value: text };
    case 'choice':
      return text ? { ok: true, value: text } : { ok: false, message: KIND_MESSAGES.required };
    case 'intList': {
      const parts = text.split(/[\s,，、]+/).filter((p) => p !== '');
      if (parts.some((p) => !/^\d{1,6}$/.test(p))) return { ok: false, message: KIND_MESSAGES.intList };
      return { ok: true, value: parts.map(Number) };
    }
    case 'percent':
      if (text === '') return { ok: false, message: KIND_MESSAGES.required };
      return percentTextToBp(text);
    case 'yuan': {
      if (text === '')
        return kind.nullable ? { ok: true, value: null } : { ok: false, message: KIND_MESSAGES.required };
      const fen = yuanToFen(text);
      return fen.ok ? { ok: true, value: fen.fen } : { ok: false, message: fen.message };
    }
    case 'int':
      if (text === '')
        return kind.nullable ? { ok: true, value: null } : { ok: false, message: KIND_MESSAGES.required };
      return /^\d{1,9}$/.test(text) ? { ok: true, value: Number(text) } : { ok: false, message: KIND_MESSAGES.int };
  }
}

/** The unit shown after the input. */
export function unitOf(kind: Kind): string | undefined {
  if (kind.type === 'percent') return '%';
  if (kind.type === 'yuan') return '元';
  if (kind.type === 'int' || kind.type === 'intList') return kind.unit;
  return undefined;
}
