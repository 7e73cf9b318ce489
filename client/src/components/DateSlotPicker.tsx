import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { listSlots, type StoreInfo } from '../services/booking';
import { clinicToday, formatDay, type DayRules } from '../utils/dates';
import { slotOptions } from '../utils/slots';
import { Calendar } from './Calendar';
import { SlotPicker, type SlotsState } from './SlotPicker';
import './DateSlotPicker.scss';

/**
 * Date + slot for one store (booking and reschedule share it). Dates come from the store's hours
 * (past and closed days disabled); slots from `booking.listSlots` (full and started slots disabled).
 */
export function DateSlotPicker({
  store,
  date,
  slot,
  onChange,
  nowMs,
  dateError,
  slotError,
  dateNote,
  onDayUnavailable,
}: {
  store: StoreInfo;
  date: string;
  slot: string;
  onChange: (value: { date: string; slot: string }) => void;
  /** The clock (tests pass a fixed one). */
  nowMs?: number;
  dateError?: string;
  slotError?: string;
  /** Shown under the chosen date (booking: what that date means for a referral). */
  dateNote?: string | null;
  /** The date's slots came back and none can be booked (full, started or closed). */
  onDayUnavailable?: (date: string) => void;
}) {
  const now = nowMs ?? Date.now();
  const today = clinicToday(now);
  const rules: DayRules = useMemo(
    () => ({ today, hours: { openingHours: store.openingHours, closedDates: store.closedDates } }),
    [today, store],
  );
  const [slots, setSlots] = useState<SlotsState>({ status: 'idle' });
  const latest = useRef(0);
  const unavailable = useRef(onDayUnavailable);
  unavailable.current = onDayUnavailable;

  const load = useCallback(
    async (day: string) => {
      const request = ++latest.current;
      setSlots({ status: 'loading' });
      const res = await listSlots(store.id, day);
      if (request !== latest.current) return;
      if (!res.ok) return setSlots({ status: 'error', message: res.message });
      const options = slotOptions(day, res.data.slots, new Date(nowMs ?? Date.now()));
      setSlots({ status: 'ready', closed: res.data.closed, options });
      if (res.data.closed || options.every((o) => o.disabled)) unavailable.current?.(day);
    },
    [store.id, nowMs],
  );

  useEffect(() => {
    if (date) void load(date);
    else setSlots({ status: 'idle' });
  }, [date, load]);

  return (
    <View className="date-slot" data-testid="date-slot-picker">
      <Calendar rules={rules} selected={date} onSelect={(d) => onChange({ date: d, slot: '' })} />
      {dateError ? (
        <Text className="field__error" data-testid="error-date">
          {dateError}
        </Text>
      ) : null}
      {date ? (
        <Text className="date-slot__chosen" data-testid="chosen-date">
          {formatDay(date, today)}
        </Text>
      ) : null}
      {date && dateNote ? (
        <View className="notice notice--info date-slot__note" data-testid="date-note">
          <Text>{dateNote}</Text>
        </View>
      ) : null}
      <SlotPicker
        state={slots}
        selected={slot}
        onSelect={(s) => onChange({ date, slot: s })}
        onRetry={() => date && void load(date)}
      />
      {slotError ? (
        <Text className="field__error" data-testid="error-slot">
          {slotError}
        </Text>
      ) : null}
    </View>
  );
}
