import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { EmptyState, PageError, PageLoading } from '../../../../components/StateViews';
import { DANGER_COLOR } from '../../../../constants';
import { listVerification, verify } from '../../../../services/staff';
import {
  SEND_BACK_NOTE_MAX,
  confirmRemovalText,
  sendBackNoteError,
  verificationLines,
  type VerificationItem,
} from '../../../../utils/verification';
import { withoutItem } from '../../../../utils/workbench';
import { usePagedList } from '../../hooks/use-paged-list';
import '../../staff.scss';
import './index.scss';

/**
 * 四部回访组 queue: the V4 (已在竞品消费) and N2 (号码已失效) records to verify. 确认移出 takes the
 * person out of the active pool (nothing is deleted); 退回 gives the task back to its owner with a note.
 */
export default function VerificationPage() {
  const { state, more, load, loadMore, update } = usePagedList(listVerification);

  const remove = (id: string) => update((items) => withoutItem(items, id));

  if (state.status === 'loading') return <PageLoading text="正在加载待核实记录…" testId="verification-loading" />;
  if (state.status === 'error') {
    return <PageError message={state.message} onRetry={() => void load()} testId="verification-error" />;
  }

  return (
    <View className="page staff verification" data-testid="verification-page">
      <View className="card">
        <Text className="card__title">待核实记录</Text>
        <Text className="card__subtitle">有效四级（已在竞品消费）与无效二级（号码已失效）由四部回访组核实</Text>
        {state.items.length === 0 ? (
          <EmptyState title="暂无待核实的记录" hint="新的记录会在这里显示" testId="verification-empty" />
        ) : null}
        {state.items.map((item) => (
          <QueueItem key={item.id} item={item} onDone={() => remove(item.id)} />
        ))}
        {state.nextCursor ? (
          <View
            className={`btn btn--ghost btn--block verification__more${more.busy ? ' btn--disabled' : ''}`}
            hoverClass="btn--pressed"
            data-testid="verification-more"
            onClick={() => !more.busy && state.nextCursor && void loadMore(state.nextCursor)}
          >
            {more.busy ? '正在加载…' : '加载更多'}
          </View>
        ) : null}
        {more.error ? (
          <Text className="field__error" data-testid="verification-more-error">
            {more.error}
          </Text>
        ) : null}
      </View>
    </View>
  );
}

function QueueItem({ item, onDone }: { item: VerificationItem; onDone: () => void }) {
  const [sendingBack, setSendingBack] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const lines = verificationLines(item);

  const confirm = async () => {
    if (busy) return;
    const answer = await Taro.showModal({
      title: '确认移出',
      content: confirmRemovalText(item),
      confirmText: '确认移出',
      confirmColor: DANGER_COLOR,
      cancelText: '再看看',
    });
    if (!answer.confirm) return;
    setBusy(true);
    const res = await verify(item.id, 'confirm');
    setBusy(false);
    if (!res.ok) return setError(res.message);
    void Taro.showToast({ title: '已确认移出', icon: 'success' });
    onDone();
  };

  const sendBack = async () => {
    if (busy) return;
    const problem = sendBackNoteError(note);
    if (problem) return setError(problem);
    setBusy(true);
    const res = await verify(item.id, 'send_back', note.trim());
    setBusy(false);
    if (!res.ok) return setError(res.message);
    void Taro.showToast({ title: '已退回负责人', icon: 'success' });
    onDone();
  };

  return (
    <View className="queue-item" data-testid={`verification-${item.id}`}>
      <View className="queue-item__head">
        <Text className="queue-item__name">{item.displayName}</Text>
        <Text className="muted">{item.maskedPhone}</Text>
      </View>
      <Text className="queue-item__result">{lines.result}</Text>
      {item.note ? <Text className="queue-item__note">备注：{item.note}</Text> : null}
      <Text className="staff-hint">{lines.submitted}</Text>
      {sendingBack ? (
        <View className="field" data-testid="send-back-panel">
          <Text className="field__label">退回原因</Text>
          <Textarea
            className={`staff-textarea${error ? ' field__input--invalid' : ''}`}
            data-testid="send-back-note"
            value={note}
            maxlength={SEND_BACK_NOTE_MAX}
            autoHeight
            placeholder="例如：号码可以接通，请负责人再次联系"
            onInput={(e) => {
              setNote(e.detail.value);
              setError('');
            }}
          />
        </View>
      ) : null}
      {error ? (
        <Text className="field__error" data-testid="verification-item-error">
          {error}
        </Text>
      ) : null}
      <View className="staff-row queue-item__actions">
        {sendingBack ? (
          <>
            <View
              className="btn btn--ghost"
              hoverClass="btn--pressed"
              onClick={() => {
                setSendingBack(false);
                setError('');
              }}
            >
              放弃
            </View>
            <View
              className={`btn${busy ? ' btn--disabled' : ''}`}
              hoverClass="btn--pressed"
              data-testid={`send-back-save-${item.id}`}
              onClick={() => void sendBack()}
            >
              {busy ? '正在退回…' : '确认退回'}
            </View>
          </>
        ) : (
          <>
            <View
              className="btn btn--ghost"
              hoverClass="btn--pressed"
              data-testid={`send-back-${item.id}`}
              onClick={() => setSendingBack(true)}
            >
              退回
            </View>
            <View
              className={`btn${busy ? ' btn--disabled' : ''}`}
              hoverClass="btn--pressed"
              data-testid={`confirm-${item.id}`}
              onClick={() => void confirm()}
            >
              {busy ? '请稍候…' : '确认移出'}
            </View>
          </>
        )}
      </View>
    </View>
  );
}
