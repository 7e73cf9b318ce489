import { editStore, isLocalDate, type AdminStore, type Store } from '@clinic/shared';
import { KIND_MESSAGES } from './field-kinds';
import { errorsOf, type FieldErrors } from './settings-draft';

/**
 * A store's booking settings as the form holds them: opening times per weekday (a weekday without
 * a row is closed; split shifts are several rows), closed dates, slot length, places per slot and
 * the photos friends see. Saving checks them with shared `editStore`, as the server does.
 */
export const WEEKDAY_LABELS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;
/** Monday first, as a Chinese week is read. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;
export const DEFAULT_HOURS = { open: '09:30', close: '20:00' } as const;

export interface HoursRow {
  weekday: number;
  open: string;
  close: string;
}

export interface StoreDraft {
  rows: HoursRow[];
  closedDates: string[];
  slotMinutes: string;
  capacityPerSlot: string;
  photoFileIds: string[];
}

export function toStoreDraft(store: AdminStore): StoreDraft {
  return {
    rows: store.openingHours.map((h) => ({ ...h })),
    closedDates: [...store.closedDates],
    slotMinutes: String(store.slotMinutes),
    capacityPerSlot: String(store.capacityPerSlot),
    photoFileIds: [...store.photoFileIds],
  };
}

/** The rows of one weekday with their index in the draft (errors are keyed by that index). */
export const rowsOf = (draft: StoreDraft, weekday: number) =>
  draft.rows.flatMap((row, index) => (row.weekday === weekday ? [{ row, index }] : []));

/** A typed date added to the closed dates (sorted, once); a date that is not a real date is refused. */
export function addClosedDate(draft: StoreDraft, typed: string): { draft: StoreDraft } | { error: string } {
  const date = typed.trim();
  if (!isLocalDate(date)) return { error: '请输入日期，例如 2027-05-01' };
  if (draft.closedDates.includes(date)) return { draft };
  return { draft: { ...draft, closedDates: [...draft.closedDates, date].sort() } };
}

/** Moves a photo one place up (the first photo is the one friends see first). */
export function movePhotoUp(draft: StoreDraft, index: number): StoreDraft {
  if (index <= 0 || index >= draft.photoFileIds.length) return draft;
  const ids = [...draft.photoFileIds];
  [ids[index - 1], ids[index]] = [ids[index] as string, ids[index - 1] as string];
  return { ...draft, photoFileIds: ids };
}

const wholeNumber = (text: string): number | undefined =>
  /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : undefined;

export type StoreEditResult = { ok: true; value: Record<string, unknown> } | { ok: false; errors: FieldErrors };

/** The value `admin.updateStore` takes, checked by the shared rules against the store as it is. */
export function fromStoreDraft(store: AdminStore, draft: StoreDraft): StoreEditResult {
  const errors: FieldErrors = {};
  const slotMinutes = wholeNumber(draft.slotMinutes);
  const capacityPerSlot = wholeNumber(draft.capacityPerSlot);
  if (slotMinutes === undefined) errors.slotMinutes = KIND_MESSAGES.int;
  if (capacityPerSlot === undefined) errors.capacityPerSlot = KIND_MESSAGES.int;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const value = {
    openingHours: draft.rows.map((r) => ({ weekday: r.weekday, open: r.open.trim(), close: r.close.trim() })),
    closedDates: draft.closedDates,
    slotMinutes,
    capacityPerSlot,
    photoFileIds: draft.photoFileIds,
  };
  const asStore = { ...store, chainId: '', visitNotes: [], active: store.active } as unknown as Store;
  const checked = editStore(asStore, value);
  if (!checked.ok) return { ok: false, errors: errorsOf(checked.issues) };
  return { ok: true, value };
}
