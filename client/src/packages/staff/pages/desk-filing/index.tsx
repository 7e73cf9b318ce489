import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { fileAtDesk, type DeskFilingResult } from '../../../../services/visits';
import {
  EMPTY_DESK_FILING,
  channelOptions,
  deskFilingHeadline,
  referrerRequired,
  toDeskFilingInput,
  validateDeskFiling,
  type DeskFilingErrors,
  type DeskFilingField,
  type DeskFilingValues,
} from '../../../../utils/desk-filing-form';
import { gradeLabel } from '../../../../utils/staff-labels';
import { GradePicker } from '../../components/GradePicker';
import { AttributionCard } from '../../components/AttributionCard';
import { PersonPicker } from '../../components/PersonPicker';
import { ProductPicker } from '../../components/ProductPicker';
import { FieldError } from '../../components/FieldError';
import '../../staff.scss';
import './index.scss';

/**
 * 前台建档: a filing at the desk for any channel. A person filed before gets their filing back
 * (this attempt is kept as a touch); naming another channel or owner is refused (不允许补单和改单).
 */
export default function DeskFilingPage() {
  const [values, setValues] = useState<DeskFilingValues>(EMPTY_DESK_FILING);
  const [errors, setErrors] = useState<DeskFilingErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState('');
  const [result, setResult] = useState<DeskFilingResult | null>(null);
  const channels = useMemo(() => channelOptions(), []);

  const set = (patch: Partial<DeskFilingValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(patch) as DeskFilingField[]) delete next[key];
      if (patch.channel !== undefined) delete next.referrerCustomerId;
      return next;
    });
    setSubmitError('');
  };

  const submit = async () => {
    if (submitting) return;
    const found = validateDeskFiling(values);
    setErrors(found);
    const input = toDeskFilingInput(values);
    if (!input) {
      setSubmitError('请完善标红的内容后再建档');
      return;
    }
    setSubmitting(true);
    setSubmitError('');
    const res = await fileAtDesk(input);
    setSubmitting(false);
    if (!res.ok) return setSubmitError(res.message);
    setResult(res.data);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };

  if (result) {
    return (
      <View className="page staff desk-filing">
        {result.reattributionRefused ? (
          <View className="notice notice--danger" data-testid="filing-refused">
            <Text className="notice__title">本次建档未改变渠道与归属</Text>
            <Text>{result.message}</Text>
          </View>
        ) : null}
        <View className="card" data-testid="filing-result">
          <Text className="answer__title" data-testid="filing-headline">
            {deskFilingHeadline(result)}
          </Text>
          {result.reattributionRefused ? null : (
            <Text className="answer__sub" data-testid="filing-message">
              {result.message}
            </Text>
          )}
          {result.grade ? (
            <View className="kv">
              <Text className="kv__key">意向等级</Text>
              <Text className="kv__value">{gradeLabel(result.grade)}</Text>
            </View>
          ) : null}
          <AttributionCard attribution={result.attribution} />
          <View
            className="btn btn--block desk-filing__again"
            hoverClass="btn--pressed"
            data-testid="filing-again"
            onClick={() => {
              setResult(null);
              setValues(EMPTY_DESK_FILING);
            }}
          >
            继续建档
          </View>
        </View>
      </View>
    );
  }

  const needsReferrer = referrerRequired(values.channel);
  return (
    <View className="page staff desk-filing" data-testid="desk-filing-page">
      <View className="card">
        <Text className="card__title">顾客信息</Text>
        <View className="field">
          <Text className="field__label">手机号</Text>
          <Input
            className={`field__input${errors.phone ? ' field__input--invalid' : ''}`}
            data-testid="filing-phone"
            type="number"
            value={values.phone}
            maxlength={20}
            placeholder="顾客的手机号"
            onInput={(e) => set({ phone: e.detail.value })}
          />
          <FieldError message={errors.phone} testId="error-phone" />
        </View>
        <View className="field">
          <Text className="field__label">姓名</Text>
          <Input
            className={`field__input${errors.name ? ' field__input--invalid' : ''}`}
            data-testid="filing-name"
            value={values.name}
            maxlength={20}
            placeholder="顾客的姓名"
            onInput={(e) => set({ name: e.detail.value })}
          />
          <FieldError message={errors.name} testId="error-name" />
        </View>
      </View>

      <View className="card">
        <Text className="card__title">渠道</Text>
        <Text className="card__subtitle">建档后渠道与归属不可变更</Text>
        <View className="chips desk-filing__chips" data-testid="channel-picker">
          {channels.map((c) => (
            <View
              key={c.id}
              className={`chip${values.channel === c.id ? ' chip--active' : ''}`}
              data-testid={`channel-${c.id}`}
              onClick={() => set({ channel: c.id })}
            >
              {c.label}
            </View>
          ))}
        </View>
        <FieldError message={errors.channel} testId="error-channel" />
        <View className="field">
          <Text className="field__label">推荐老客{needsReferrer ? '（老带新必填）' : '（选填）'}</Text>
          <PersonPicker
            kind="customer"
            testId="filing-referrer"
            value={values.referrerCustomerId}
            invalid={!!errors.referrerCustomerId}
            onChange={(referrerCustomerId) => set({ referrerCustomerId })}
          />
          <Text className="staff-hint">
            {needsReferrer
              ? '老带新建档须写明是哪位老客推荐：按完整手机号或全名查找'
              : '其他渠道中由老客推荐的也请选择：记为该渠道的二级老带新，老客仍享推荐礼遇'}
          </Text>
          <FieldError message={errors.referrerCustomerId} testId="error-referrerCustomerId" />
        </View>
      </View>

      <View className="card">
        <Text className="card__title">意向等级</Text>
        <GradePicker value={values.grade} onChange={(grade) => set({ grade })} />
        <FieldError message={errors.grade} testId="error-grade" />
      </View>

      <View className="card">
        <Text className="card__title">意向项目（选填）</Text>
        <ProductPicker chosen={values.productIds} onChange={(productIds) => set({ productIds })} />
        <FieldError message={errors.productIds} testId="error-productIds" />
      </View>

      <View className="desk-filing__submit">
        {submitError ? (
          <Text className="field__error desk-filing__submit-error" data-testid="filing-error">
            {submitError}
          </Text>
        ) : null}
        <View
          className={`btn btn--block${submitting ? ' btn--disabled' : ''}`}
          hoverClass="btn--pressed"
          data-testid="filing-submit"
          onClick={() => void submit()}
        >
          {submitting ? '正在建档…' : '建档'}
        </View>
      </View>
    </View>
  );
}
