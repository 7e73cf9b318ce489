import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { subscribeToDigest } from '../../../services/digest-subscription';
import type { Workbench } from '../../../services/staff';
import type { SubscribeOutcome } from '../../../services/subscribe';
import { DIGEST_SUBSCRIBE_PROMPT, DIGEST_SUBSCRIBE_TEXT } from '../../../utils/workbench';
import './ReachBanner.scss';

/**
 * The workbench's reach banner: digests that arrived in-app since the last visit, and — when no
 * channel outside the app can reach the caller (no subscribe grant banked, `reach.reachable`
 * false) — a one-tap re-subscribe: `requestSubscribeMessage` with the digest template, then
 * `staff.recordSubscription` banks the answer, and the workbench reloads (`onChanged`).
 */
export function ReachBanner({
  reach,
  inAppUnread,
  templateId,
  onChanged,
}: {
  reach: Workbench['reach'];
  inAppUnread: number;
  templateId: string;
  onChanged: () => void;
}) {
  const [state, setState] = useState<{ busy: boolean; outcome?: SubscribeOutcome }>({ busy: false });
  if (reach.reachable && inAppUnread === 0 && !state.outcome) return null;

  const resubscribe = async () => {
    if (state.busy) return;
    setState({ busy: true });
    const outcome = await subscribeToDigest(templateId, DIGEST_SUBSCRIBE_PROMPT);
    setState({ busy: false, outcome });
    if (outcome === 'accepted') onChanged();
  };

  return (
    <View className="card workbench-reach" data-testid="reach-banner">
      {inAppUnread > 0 ? (
        <Text className="workbench-reach__unread" data-testid="reach-unread">
          {`有 ${inAppUnread} 条新的每日回访汇总，见下方任务列表`}
        </Text>
      ) : null}
      {!reach.reachable ? (
        <View className="workbench-subscribe__main">
          <Text className="staff-hint" data-testid="reach-hint">
            微信提醒已用完：每日回访汇总只会显示在工作台，订阅后下次将通过微信提醒
          </Text>
          <View
            className={`btn btn--small${state.busy ? ' btn--disabled' : ''}`}
            hoverClass="btn--pressed"
            data-testid="reach-resubscribe"
            onClick={() => void resubscribe()}
          >
            {state.busy ? '请稍候…' : '一键订阅'}
          </View>
        </View>
      ) : null}
      {state.outcome ? (
        <Text className="workbench-subscribe__result" data-testid="reach-result">
          {DIGEST_SUBSCRIBE_TEXT[state.outcome]}
        </Text>
      ) : null}
    </View>
  );
}
