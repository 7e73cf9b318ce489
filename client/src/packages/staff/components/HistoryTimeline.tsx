import { Text, View } from '@tarojs/components';
import { EmptyState } from '../../../components/StateViews';
import { formatDateTime } from '../../../utils/format';
import { HISTORY_KIND_LABELS } from '../../../utils/staff-labels';

type HistoryKind = keyof typeof HISTORY_KIND_LABELS;

/** A customer's history, newest as the server orders it: filings, touches, bookings, visits, follow-ups, deals. */
export function HistoryTimeline({ history }: { history: readonly { at: string; kind: HistoryKind; text: string }[] }) {
  return (
    <>
      {history.length === 0 ? <EmptyState title="暂无记录" testId="history-empty" /> : null}
      <View className="timeline" data-testid="history">
        {history.map((h, i) => (
          <View
            key={`${h.at}-${i}`}
            className={`timeline__item timeline__item--${h.kind}`}
            data-testid="history-item"
            data-kind={h.kind}
          >
            <View className="timeline__dot" />
            <View className="timeline__body">
              <Text className="timeline__meta">
                {formatDateTime(h.at)} · {HISTORY_KIND_LABELS[h.kind]}
              </Text>
              <Text className="timeline__text">{h.text}</Text>
            </View>
          </View>
        ))}
      </View>
    </>
  );
}
