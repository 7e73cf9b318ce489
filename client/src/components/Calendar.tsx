import { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import {
  DAY_DISABLED_TEXT,
  WEEKDAY_LABELS,
  bookableMonths,
  formatMonth,
  monthGrid,
  type DayRules,
} from '../utils/dates';
import './Calendar.scss';

/** A month calendar; which days are disabled comes from utils/dates (past, closed, too far). */
export function Calendar({
  rules,
  selected,
  onSelect,
}: {
  rules: DayRules;
  selected: string;
  onSelect: (date: string) => void;
}) {
  const months = useMemo(() => bookableMonths(rules.today, rules.maxDate), [rules.today, rules.maxDate]);
  const [index, setIndex] = useState(() => Math.max(0, months.indexOf(selected.slice(0, 7))));
  const month = months[Math.min(index, months.length - 1)] as string;
  const weeks = useMemo(() => monthGrid(month, rules), [month, rules]);

  return (
    <View className="calendar" data-testid="calendar">
      <View className="calendar__head">
        <View
          className={`calendar__nav${index === 0 ? ' calendar__nav--disabled' : ''}`}
          data-testid="calendar-prev"
          onClick={() => index > 0 && setIndex(index - 1)}
        >
          ‹
        </View>
        <Text className="calendar__month" data-testid="calendar-month">
          {formatMonth(month)}
        </Text>
        <View
          className={`calendar__nav${index >= months.length - 1 ? ' calendar__nav--disabled' : ''}`}
          data-testid="calendar-next"
          onClick={() => index < months.length - 1 && setIndex(index + 1)}
        >
          ›
        </View>
      </View>
      <View className="calendar__row calendar__row--labels">
        {WEEKDAY_LABELS.map((w) => (
          <Text key={w} className="calendar__label">
            {w}
          </Text>
        ))}
      </View>
      {weeks.map((week, i) => (
        <View className="calendar__row" key={i}>
          {week.map((day, j) =>
            day ? (
              <View
                key={day.date}
                className={[
                  'calendar__day',
                  day.disabled ? 'calendar__day--disabled' : '',
                  day.date === selected ? 'calendar__day--selected' : '',
                  day.isToday ? 'calendar__day--today' : '',
                ].join(' ')}
                data-testid={`calendar-day-${day.date}`}
                data-disabled={day.disabled ? 'true' : 'false'}
                data-reason={day.reason ?? ''}
                aria-disabled={day.disabled}
                onClick={() => !day.disabled && onSelect(day.date)}
              >
                <Text className="calendar__num">{day.day}</Text>
                <Text className="calendar__note">
                  {day.reason ? DAY_DISABLED_TEXT[day.reason] : day.isToday ? '今天' : ''}
                </Text>
              </View>
            ) : (
              <View key={`blank-${j}`} className="calendar__day calendar__day--blank" />
            ),
          )}
        </View>
      ))}
    </View>
  );
}
