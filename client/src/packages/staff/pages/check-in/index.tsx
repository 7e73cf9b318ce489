import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { checkIn, type CheckInResult } from '../../../../services/visits';
import {
  ARRIVAL_FACT_FIELDS,
  CHECK_IN_MESSAGES,
  EMPTY_CHECK_IN_FORM,
  bookingCodeFrom,
  checkInHeadline,
  toCheckInInput,
  validateCheckInForm,
  type CheckInField,
  type CheckInFormErrors,
  type CheckInFormValues,
  type CheckInMode,
} from '../../../../utils/check-in-form';
import { PAGES } from '../../../../constants';
import { refillDigestOnTap } from '../../../../services/digest-subscription';
import { customerPageUrl } from '../../../../utils/customer-card';
import { AttributionCard } from '../../components/AttributionCard';
import { PersonPicker } from '../../components/PersonPicker';
import { FieldError } from '../../components/FieldError';
import '../../staff.scss';
import './index.scss';

/**
 * 到院签到: by the booking's QR (weapp camera) or its typed 7-character code, or by phone for a
 * walk-in with what the desk learns on arrival. The answer shows whether this made the first visit
 * and the attribution that became final, with the deciding rule.
 */
export default function CheckInPage() {
  const [values, setValues] = useState<CheckInFormValues>(EMPTY_CHECK_IN_FORM);
  const [errors, setErrors] = useState<CheckInFormErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState('');
  const [result, setResult] = useState<CheckInResult | null>(null);
  const canScan = process.env.TARO_ENV === 'weapp';

  const set = (patch: Partial<CheckInFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(patch) as CheckInField[]) delete next[key];
      return next;
    });
    setSubmitError('');
  };

  const submit = async (form: CheckInFormValues) => {
    if (submitting) return;
    // Inside the tap, before anything awaited (WeChat's rule for the subscribe dialog).
    refillDigestOnTap();
    const found = validateCheckInForm(form);
    setErrors(found);
    const input = toCheckInInput(form);
    if (!input) {
      setSubmitError('请完善标红的内容后再签到');
      return;
    }
    setSubmitting(true);
    setSubmitError('');
    const res = await checkIn(input);
    setSubmitting(false);
    if (!res.ok) return setSubmitError(res.message);
    setResult(res.data);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };

  /** weapp: the camera reads the booking QR (it holds the bare code) and checks in at once. */
  const scan = async () => {
    let text: string;
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      text = res.result;
    } catch {
      return; // Cancelled: nothing to say.
    }
    const code = bookingCodeFrom(text);
    if (!code) {
      setErrors({ bookingCode: CHECK_IN_MESSAGES.scanUnreadable });
      return;
    }
    const form = { ...values, mode: 'code' as const, bookingCode: code };
    setValues(form);
    await submit(form);
  };

  const switchMode = (mode: CheckInMode) => {
    set({ mode });
    setErrors({});
  };

  if (result) {
    return (
      <View className="page staff check-in">
        <View className="card" data-testid="check-in-result">
          <Text className="answer__title" data-testid="check-in-headline">
            {checkInHeadline(result)}
          </Text>
          <Text className="answer__sub">
            {result.displayName} · {result.maskedPhone}
          </Text>
          {result.alreadyCheckedIn ? (
            <View className="notice notice--info check-in__notice">
              <Text>今天已为这位顾客签到，本次与之前是同一次到院，未重复登记。</Text>
            </View>
          ) : null}
          {result.filedNow ? (
            <View className="notice notice--info check-in__notice" data-testid="check-in-filed">
              <Text>该散客此前未建档，已在本次签到时建档。</Text>
            </View>
          ) : null}
          {result.firstVisit ? (
            <Text className="staff-hint check-in__final">首次到院后，渠道归属已最终确定，不再变更。</Text>
          ) : null}
          <AttributionCard attribution={result.attribution} />
          <View
            className="btn btn--ghost btn--block check-in__customer"
            hoverClass="btn--pressed"
            data-testid="check-in-customer"
            onClick={() => void Taro.navigateTo({ url: customerPageUrl(PAGES.staffCustomer, result.customerId) })}
          >
            查看顾客详情
          </View>
          <View
            className="btn btn--block check-in__again"
            hoverClass="btn--pressed"
            data-testid="check-in-again"
            onClick={() => {
              setResult(null);
              setValues({ ...EMPTY_CHECK_IN_FORM, mode: values.mode });
            }}
          >
            继续签到
          </View>
        </View>
      </View>
    );
  }

  return (
    <View className="page staff check-in" data-testid="check-in-page">
      <View className="card">
        <View className="segmented">
          <View
            className={`segmented__item${values.mode === 'code' ? ' segmented__item--active' : ''}`}
            data-testid="mode-code"
            onClick={() => switchMode('code')}
          >
            预约码签到
          </View>
          <View
            className={`segmented__item${values.mode === 'phone' ? ' segmented__item--active' : ''}`}
            data-testid="mode-phone"
            onClick={() => switchMode('phone')}
          >
            按手机号签到（散客）
          </View>
        </View>

        {values.mode === 'code' ? (
          <View data-testid="code-form">
            {canScan ? (
              <View
                className={`btn btn--block check-in__scan${submitting ? ' btn--disabled' : ''}`}
                hoverClass="btn--pressed"
                data-testid="scan-button"
                onClick={() => !submitting && void scan()}
              >
                扫描预约二维码
              </View>
            ) : null}
            <View className="field">
              <Text className="field__label">{canScan ? '或输入预约码' : '预约码'}</Text>
              <Input
                className={`field__input check-in__code${errors.bookingCode ? ' field__input--invalid' : ''}`}
                data-testid="booking-code-input"
                value={values.bookingCode}
                maxlength={16}
                placeholder="请输入 7 位预约码"
                onInput={(e) => set({ bookingCode: e.detail.value })}
              />
              {canScan ? null : (
                <Text className="staff-hint">浏览器中无法扫码，请输入顾客预约成功页上的 7 位预约码</Text>
              )}
              <FieldError message={errors.bookingCode} testId="error-bookingCode" />
            </View>
          </View>
        ) : (
          <View data-testid="walk-in-form">
            <View className="field">
              <Text className="field__label">手机号</Text>
              <Input
                className={`field__input${errors.phone ? ' field__input--invalid' : ''}`}
                data-testid="walk-in-phone"
                type="number"
                value={values.phone}
                maxlength={20}
                placeholder="到院顾客的手机号"
                onInput={(e) => set({ phone: e.detail.value })}
              />
              <FieldError message={errors.phone} testId="error-phone" />
            </View>
            <View className="field">
              <Text className="field__label">姓名</Text>
              <Input
                className={`field__input${errors.name ? ' field__input--invalid' : ''}`}
                data-testid="walk-in-name"
                value={values.name}
                maxlength={20}
                placeholder="未建档的散客必填"
                onInput={(e) => set({ name: e.detail.value })}
              />
              <Text className="staff-hint">已建档的顾客可不填；未建档的散客将在签到时建档</Text>
              <FieldError message={errors.name} testId="error-name" />
            </View>
            {ARRIVAL_FACT_FIELDS.map((f) => (
              <View className="field" key={f.field}>
                <Text className="field__label">{f.label}（选填）</Text>
                {f.kind === 'customer' ? (
                  <PersonPicker
                    kind="customer"
                    testId={`walk-in-${f.field}`}
                    value={values[f.field]}
                    invalid={!!errors[f.field]}
                    onChange={(id) => set({ [f.field]: id })}
                  />
                ) : (
                  <PersonPicker
                    kind="staff"
                    testId={`walk-in-${f.field}`}
                    value={values[f.field]}
                    {...('post' in f ? { post: f.post, emptyHint: '本店暂无咨询师' } : {})}
                    onChange={(id) => set({ [f.field]: id })}
                  />
                )}
                <Text className="staff-hint">{f.hint}</Text>
                <FieldError message={errors[f.field]} testId={`error-${f.field}`} />
              </View>
            ))}
          </View>
        )}

        {submitError ? (
          <Text className="field__error check-in__submit-error" data-testid="check-in-error">
            {submitError}
          </Text>
        ) : null}
        <View
          className={`btn btn--block check-in__submit${submitting ? ' btn--disabled' : ''}`}
          hoverClass="btn--pressed"
          data-testid="check-in-submit"
          onClick={() => void submit(values)}
        >
          {submitting ? '正在签到…' : '签到'}
        </View>
      </View>
    </View>
  );
}
