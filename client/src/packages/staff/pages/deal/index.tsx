import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { formatFen, type UsableRewardKind } from '@clinic/shared';
import { EmptyState, PageError, PageLoading } from '../../../../components/StateViews';
import { PAGES } from '../../../../constants';
import { prepareDeal, recordDeal, type DealPreparation, type RecordedDeal } from '../../../../services/deals';
import { customerPageUrl } from '../../../../utils/customer-card';
import {
  DEAL_MESSAGES,
  MAX_DEAL_ITEMS,
  REWARD_USE_LABELS,
  addItem,
  creditLines,
  dealHeadline,
  emptyDealForm,
  itemErrorKey,
  newIdempotencyKey,
  patchItem,
  removeItem,
  rewardErrorKey,
  singleProduct,
  skippedLines,
  toRecordDealInput,
  typedTotals,
  usableKinds,
  usableText,
  usedLines,
  validateDealForm,
  type DealFormErrors,
  type DealFormValues,
  type DealItemValues,
} from '../../../../utils/deal-form';
import { ProductPicker } from '../../components/ProductPicker';
import '../../staff.scss';
import './index.scss';

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; prep: DealPreparation; storeId?: string };

/**
 * 录入成交 (`?customerId=`): the customer and their store's products from
 * `deals.prepare` (only a checked-in customer's checkout can be recorded), items in yuan, the
 * rewards the customer uses, and the answer — what was credited to whom, or why nothing was.
 * One idempotency key per form: a retry or a double tap records the checkout once.
 */
export default function DealPage() {
  const params = useRouter().params;
  const customerId = params.customerId ?? '';
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    if (!customerId) return;
    setState({ status: 'loading' });
    // The products offered are those of the customer's store (the server names it).
    const prep = await prepareDeal(customerId);
    if (!prep.ok) return setState({ status: 'error', message: prep.message });
    setState({ status: 'ready', prep: prep.data, storeId: prep.data.storeId });
  }, [customerId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!customerId) {
    return (
      <View className="page staff">
        <View className="card">
          <EmptyState title="没有指定顾客" hint="请从顾客详情进入录入成交" testId="deal-missing" />
        </View>
      </View>
    );
  }
  if (state.status === 'loading') return <PageLoading text="正在加载顾客…" testId="deal-loading" />;
  if (state.status === 'error') {
    return <PageError message={state.message} onRetry={() => void load()} testId="deal-error" />;
  }
  return <DealForm prep={state.prep} storeId={state.storeId} onReload={() => void load()} />;
}

function CustomerHeader({ prep }: { prep: DealPreparation }) {
  return (
    <View className="card" data-testid="deal-customer">
      <Text className="card__title">
        {prep.customerMaskedName} · {prep.maskedPhone}
      </Text>
      <Text className="card__subtitle">{prep.checkedIn ? '已到院签到' : '尚未到院签到'}</Text>
    </View>
  );
}

function DealForm({ prep, storeId, onReload }: { prep: DealPreparation; storeId?: string; onReload: () => void }) {
  const [values, setValues] = useState<DealFormValues>(emptyDealForm);
  const [errors, setErrors] = useState<DealFormErrors>({});
  // Made once per form and kept across retries of this form; a new form (录入下一笔) gets a new one.
  const [idempotencyKey, setIdempotencyKey] = useState(() => newIdempotencyKey());
  const [saving, setSaving] = useState(false);
  // A second tap before the button re-renders as disabled must not send again.
  const inFlight = useRef(false);
  const [submitError, setSubmitError] = useState('');
  const [answer, setAnswer] = useState<RecordedDeal | null>(null);

  const clear = (...keys: string[]) => {
    setErrors((e) => {
      const next = { ...e };
      for (const k of keys) delete next[k];
      delete next.rewards;
      delete next.items;
      return next;
    });
    setSubmitError('');
  };

  const setItem = (key: string, patch: Partial<DealItemValues>) => {
    setValues((v) => patchItem(v, key, patch));
    clear(...(Object.keys(patch) as (keyof DealItemValues)[]).map((f) => `${key}.${f}`), `${key}.paid`);
  };

  const setReward = (kind: UsableRewardKind, text: string) => {
    setValues((v) => ({ ...v, rewards: { ...v.rewards, [kind]: text } }));
    clear(rewardErrorKey(kind));
  };

  const submit = async () => {
    if (inFlight.current) return;
    const found = validateDealForm(values, prep.usable);
    setErrors(found);
    const input = toRecordDealInput(prep.customerId, values, prep.usable, idempotencyKey);
    if (!input) return setSubmitError('请完善标红的内容后再录入');
    inFlight.current = true;
    setSaving(true);
    setSubmitError('');
    const res = await recordDeal(input);
    inFlight.current = false;
    setSaving(false);
    if (!res.ok) return setSubmitError(res.message);
    setAnswer(res.data);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };

  const startOver = () => {
    setAnswer(null);
    setValues(emptyDealForm());
    setErrors({});
    setIdempotencyKey(newIdempotencyKey());
    // The usable rewards changed with the deal just recorded.
    onReload();
  };

  if (answer) return <DealAnswer answer={answer} customerId={prep.customerId} onNext={startOver} />;

  if (!prep.checkedIn) {
    return (
      <View className="page staff deal" data-testid="deal-page">
        <CustomerHeader prep={prep} />
        <View className="notice" data-testid="deal-not-checked-in">
          <Text className="notice__title">{DEAL_MESSAGES.notCheckedIn}</Text>
          <Text>请先在「到院签到」为顾客签到（预约码或手机号），再回到这里录入。</Text>
        </View>
        <View className="deal__actions">
          <View
            className="btn btn--block"
            hoverClass="btn--pressed"
            data-testid="deal-go-check-in"
            onClick={() => void Taro.navigateTo({ url: PAGES.checkIn })}
          >
            去到院签到
          </View>
          <View
            className="btn btn--ghost btn--block deal__reload"
            hoverClass="btn--pressed"
            data-testid="deal-reload"
            onClick={onReload}
          >
            已签到，刷新
          </View>
        </View>
      </View>
    );
  }

  const kinds = usableKinds(prep.usable);
  const totals = typedTotals(values);
  const full = values.items.length >= MAX_DEAL_ITEMS;
  return (
    <View className="page staff deal" data-testid="deal-page">
      <CustomerHeader prep={prep} />

      {values.items.map((item, index) => (
        <View className="card" key={item.key} data-testid={`deal-item-${index}`}>
          <View className="deal__item-head">
            <Text className="card__title">项目 {index + 1}</Text>
            {values.items.length > 1 ? (
              <View
                className="btn btn--danger btn--small"
                hoverClass="btn--pressed"
                data-testid={`deal-item-${index}-remove`}
                onClick={() => {
                  setValues((v) => removeItem(v, item.key));
                  clear();
                }}
              >
                删除
              </View>
            ) : null}
          </View>
          <ProductPicker
            testId={`deal-item-${index}-products`}
            chosen={item.productId ? [item.productId] : []}
            onChange={(ids) => setItem(item.key, { productId: singleProduct(item.productId, ids) })}
            {...(storeId ? { storeId } : {})}
          />
          <ItemError
            errors={errors}
            name={itemErrorKey(item.key, 'productId')}
            testId={`error-item-${index}-product`}
          />
          <View className="deal__amounts">
            <View className="field deal__amount">
              <Text className="field__label">成交金额（元）</Text>
              <Input
                className={`field__input${errors[itemErrorKey(item.key, 'amount')] ? ' field__input--invalid' : ''}`}
                data-testid={`deal-item-${index}-amount`}
                type="digit"
                value={item.amount}
                maxlength={16}
                placeholder="例如 2980"
                onInput={(e) => setItem(item.key, { amount: e.detail.value })}
              />
              <ItemError
                errors={errors}
                name={itemErrorKey(item.key, 'amount')}
                testId={`error-item-${index}-amount`}
              />
            </View>
            <View className="field deal__amount">
              <Text className="field__label">实付金额（元）</Text>
              <Input
                className={`field__input${errors[itemErrorKey(item.key, 'paid')] ? ' field__input--invalid' : ''}`}
                data-testid={`deal-item-${index}-paid`}
                type="digit"
                value={item.paid}
                maxlength={16}
                placeholder="不超过成交金额"
                onInput={(e) => setItem(item.key, { paid: e.detail.value })}
              />
              <ItemError errors={errors} name={itemErrorKey(item.key, 'paid')} testId={`error-item-${index}-paid`} />
            </View>
          </View>
        </View>
      ))}

      <View className="deal__add">
        <View
          className={`btn btn--ghost btn--block${full ? ' btn--disabled' : ''}`}
          hoverClass="btn--pressed"
          data-testid="deal-add-item"
          onClick={() => {
            if (full) return;
            setValues(addItem);
            clear();
          }}
        >
          {full ? `最多 ${MAX_DEAL_ITEMS} 个项目` : `+ 添加项目（${values.items.length}/${MAX_DEAL_ITEMS}）`}
        </View>
      </View>

      {kinds.length > 0 ? (
        <View className="card" data-testid="deal-rewards">
          <Text className="card__title">使用奖励（选填）</Text>
          <Text className="card__subtitle">顾客今天可用的奖励；不使用请留空</Text>
          {kinds.map((kind) => (
            <View className="field" key={kind}>
              <Text className="field__label">
                {REWARD_USE_LABELS[kind]}
                {kind === 'points' ? '' : '（元）'}
                <Text className="deal__usable" data-testid={`usable-${kind}`}>
                  可用 {usableText(kind, prep.usable)}
                </Text>
              </Text>
              <Input
                className={`field__input${errors[rewardErrorKey(kind)] ? ' field__input--invalid' : ''}`}
                data-testid={`use-${kind}`}
                type={kind === 'points' ? 'number' : 'digit'}
                value={values.rewards[kind]}
                maxlength={16}
                placeholder={kind === 'points' ? '使用的积分' : '使用的金额'}
                onInput={(e) => setReward(kind, e.detail.value)}
              />
              <ItemError errors={errors} name={rewardErrorKey(kind)} testId={`error-use-${kind}`} />
            </View>
          ))}
          <ItemError errors={errors} name="rewards" testId="error-rewards" />
        </View>
      ) : null}

      <View className="card deal__summary" data-testid="deal-summary">
        <View className="kv">
          <Text className="kv__key">成交金额合计</Text>
          <Text className="kv__value" data-testid="deal-total-amount">
            {formatFen(totals.amountFen)}
          </Text>
        </View>
        <View className="kv">
          <Text className="kv__key">实付合计</Text>
          <Text className="kv__value" data-testid="deal-total-paid">
            {formatFen(totals.paidFen)}
          </Text>
        </View>
        <ItemError errors={errors} name="items" testId="error-items" />
        {submitError ? (
          <Text className="field__error deal__submit-error" data-testid="deal-submit-error">
            {submitError}
          </Text>
        ) : null}
        <View
          className={`btn btn--block deal__submit${saving ? ' btn--disabled' : ''}`}
          hoverClass="btn--pressed"
          data-testid="deal-submit"
          data-disabled={saving ? 'true' : 'false'}
          onClick={() => void submit()}
        >
          {saving ? '正在录入…' : '确认录入成交'}
        </View>
        <Text className="staff-hint">同一张录入单重复提交只会记录一次</Text>
      </View>
    </View>
  );
}

function ItemError({ errors, name, testId }: { errors: DealFormErrors; name: string; testId: string }) {
  const message = errors[name];
  if (!message) return null;
  return (
    <Text className="field__error" data-testid={testId}>
      {message}
    </Text>
  );
}

function DealAnswer({ answer, customerId, onNext }: { answer: RecordedDeal; customerId: string; onNext: () => void }) {
  const credits = creditLines(answer.credited);
  const skipped = skippedLines(answer.skipped);
  const used = usedLines(answer.used);
  return (
    <View className="page staff deal" data-testid="deal-page">
      <View className="card" data-testid="deal-result">
        <Text className="answer__title" data-testid="deal-headline">
          {dealHeadline(answer)}
        </Text>
        <Text className="answer__sub">{answer.customerMaskedName}</Text>
        {answer.becameExisting ? (
          <View className="notice notice--info deal__notice" data-testid="deal-became-existing">
            <Text className="notice__title">已成为老客</Text>
            <Text>首次付款成交后，这位顾客已成为老客，可邀请 TA 推荐朋友。</Text>
          </View>
        ) : null}
        <View className="kv">
          <Text className="kv__key">成交金额</Text>
          <Text className="kv__value" data-testid="result-amount">
            {formatFen(answer.totals.amountFen)}
          </Text>
        </View>
        <View className="kv">
          <Text className="kv__key">实付金额</Text>
          <Text className="kv__value" data-testid="result-paid">
            {formatFen(answer.totals.paidFen)}
          </Text>
        </View>
        {answer.totals.deductedFen > 0 ? (
          <View className="kv">
            <Text className="kv__key">奖励抵扣</Text>
            <Text className="kv__value" data-testid="result-deducted">
              {formatFen(answer.totals.deductedFen)}
            </Text>
          </View>
        ) : null}
        {answer.totals.pointsUsed > 0 ? (
          <View className="kv">
            <Text className="kv__key">使用积分</Text>
            <Text className="kv__value" data-testid="result-points">
              {answer.totals.pointsUsed} 积分
            </Text>
          </View>
        ) : null}
        {used.length > 0 ? (
          <View className="kv">
            <Text className="kv__key">本次使用</Text>
            <Text className="kv__value" data-testid="result-used">
              {used.join('、')}
            </Text>
          </View>
        ) : null}
      </View>

      <View className="card" data-testid="deal-credits">
        <Text className="card__title">推荐奖励</Text>
        {credits.length > 0 ? (
          credits.map((c) => (
            <View className="deal__credit" key={c.key} data-testid="credit-item">
              <Text className="deal__credit-who">{c.who}</Text>
              <Text className="deal__credit-what" data-testid="credit-what">
                {c.what}
              </Text>
              {c.expiry ? <Text className="staff-hint">{c.expiry}</Text> : null}
            </View>
          ))
        ) : (
          <Text className="deal__none" data-testid="deal-no-reward">
            {answer.noRewardReason ?? '本次未发放推荐奖励'}
          </Text>
        )}
        {skipped.length > 0 ? (
          <View className="deal__skipped" data-testid="deal-skipped">
            <Text className="field__label">未发放的奖励</Text>
            {skipped.map((line, i) => (
              <Text className="staff-hint" key={i} data-testid="skipped-item">
                {line}
              </Text>
            ))}
          </View>
        ) : null}
      </View>

      <View className="deal__actions">
        <View
          className="btn btn--block"
          hoverClass="btn--pressed"
          data-testid="deal-back-customer"
          // Opened from the customer card: back to it (it reloads its history); else open it.
          onClick={() =>
            void Taro.navigateBack().catch(() =>
              Taro.redirectTo({ url: customerPageUrl(PAGES.staffCustomer, customerId) }),
            )
          }
        >
          返回顾客详情
        </View>
        <View
          className="btn btn--ghost btn--block deal__next"
          hoverClass="btn--pressed"
          data-testid="deal-next"
          onClick={onNext}
        >
          为该顾客再录一笔
        </View>
      </View>
    </View>
  );
}
