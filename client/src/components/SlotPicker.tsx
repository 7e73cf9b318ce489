import { Text, View } from '@tarojs/components';
import { groupSlots, type SlotOption } from '../utils/slots';
import { EmptyState, ErrorState, LoadingState } from './StateViews';
import './SlotPicker.scss';

export type SlotsState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; closed: boolean; options: SlotOption[] };

export const slotTestId = (slot: string) => `slot-${slot.replace(':', '')}`;

/** The slots of the chosen day; full and started slots are shown but cannot be picked. */
export function SlotPicker({
  state,
  selected,
  onSelect,
  onRetry,
}: {
  state: SlotsState;
  selected: string;
  onSelect: (slot: string) => void;
  onRetry: () => void;
}) {
  if (state.status === 'idle') return <EmptyState title="请先选择日期" testId="slots-idle" />;
  if (state.status === 'loading') return <LoadingState text="正在查询可约时段…" testId="slots-loading" />;
  if (state.status === 'error') return <ErrorState message={state.message} onRetry={onRetry} testId="slots-error" />;
  if (state.closed) return <EmptyState title="门店当天不营业" hint="请选择其他日期" testId="slots-closed" />;
  if (state.options.length === 0) return <EmptyState title="当天没有可约时段" testId="slots-empty" />;
  const allTaken = state.options.every((o) => o.disabled);
  return (
    <View className="slots" data-testid="slots">
      {allTaken ? <Text className="slots__hint">当天已约满，请选择其他日期</Text> : null}
      {groupSlots(state.options).map((group) => (
        <View key={group.label} className="slots__group">
          <Text className="slots__label">{group.label}</Text>
          <View className="slots__grid">
            {group.items.map((o) => (
              <View
                key={o.slot}
                className={[
                  'slot',
                  o.disabled ? 'slot--disabled' : '',
                  o.slot === selected ? 'slot--selected' : '',
                ].join(' ')}
                data-testid={slotTestId(o.slot)}
                data-disabled={o.disabled ? 'true' : 'false'}
                data-reason={o.reason ?? ''}
                aria-disabled={o.disabled}
                onClick={() => !o.disabled && onSelect(o.slot)}
              >
                <Text className="slot__time">{o.slot}</Text>
                <Text className="slot__note">{o.note}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  );
}
