import { isPastSlot } from '@clinic/shared';

/** What the slot grid shows for one slot of `listSlots`. */
export interface SlotOption {
  slot: string;
  available: number;
  disabled: boolean;
  /** `余 2` / `已约满` / `已过`. */
  note: string;
  reason?: 'full' | 'past';
}

/**
 * Slots of a day for the picker: started slots (`now` in the clinic's time) and full slots are
 * disabled. The server says 0 for both; the clock tells them apart.
 */
export function slotOptions(
  date: string,
  slots: readonly { slot: string; available: number }[],
  now: Date = new Date(),
): SlotOption[] {
  return slots.map(({ slot, available }) => {
    if (isPastSlot(date, slot, now)) return { slot, available: 0, disabled: true, note: '已过', reason: 'past' };
    if (available <= 0) return { slot, available: 0, disabled: true, note: '已约满', reason: 'full' };
    return { slot, available, disabled: false, note: `余 ${available}` };
  });
}

/** Morning / afternoon / evening groups, for a shorter grid on small screens. */
export function groupSlots(options: readonly SlotOption[]): { label: string; items: SlotOption[] }[] {
  const groups = [
    { label: '上午', items: options.filter((o) => o.slot < '12:00') },
    { label: '下午', items: options.filter((o) => o.slot >= '12:00' && o.slot < '18:00') },
    { label: '晚上', items: options.filter((o) => o.slot >= '18:00') },
  ];
  return groups.filter((g) => g.items.length > 0);
}
