import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { ErrorCode } from '@clinic/shared';
import { BookingResult } from '../../components/BookingResult';
import { DateSlotPicker } from '../../components/DateSlotPicker';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateViews';
import { PAGES, PRIVACY_VERSION } from '../../constants';
import {
  createBooking,
  listProducts,
  listStores,
  type Appointment,
  type ProductInfo,
  type StoreInfo,
} from '../../services/booking';
import { clearKeptReferral } from '../../services/kept-referral';
import { initialStore, rememberStore } from '../../services/last-store';
import { formatProductMeta } from '../../utils/format';
import { ReferralCodeField, useReferralCode } from '../../components/ReferralCodeField';
import { clinicToday } from '../../utils/dates';
import { leadNotice, leadOutcome, REFERRAL_TEXT } from '../../utils/referral-terms';
import {
  EMPTY_BOOKING_FORM,
  hasErrors,
  phoneFields,
  validateBookingForm,
  type BookingFormErrors,
  type BookingFormValues,
} from '../../utils/booking-form';
import './index.scss';

type Load<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

/** Server answers that point at one field. */
const FIELD_OF_CODE: Partial<Record<ErrorCode, keyof BookingFormValues>> = {
  SLOT_FULL: 'slot',
  DATE_IN_PAST: 'slot',
  INVALID_SLOT: 'slot',
  STORE_CLOSED: 'date',
  DATE_TOO_FAR: 'date',
  INVALID_PHONE: 'phone',
  INVALID_PHONE_CODE: 'phone',
};

export default function Booking() {
  const [stores, setStores] = useState<Load<StoreInfo[]>>({ status: 'loading' });
  const [products, setProducts] = useState<Load<ProductInfo[]> | null>(null);
  const [values, setValues] = useState<BookingFormValues>(EMPTY_BOOKING_FORM);
  const [errors, setErrors] = useState<BookingFormErrors>({});
  const referral = useReferralCode();
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState('');
  const [result, setResult] = useState<{ booking: Appointment; note: string | null } | null>(null);
  const [slotsVersion, setSlotsVersion] = useState(0);
  const shown = useRef(false);
  const booked = useRef(false);
  booked.current = result !== null;

  // 预约 is a tab page: it stays alive between visits. After a booking went through, a later visit
  // starts a fresh form — the booking itself is in 我的预约; the same store stays chosen. (The code
  // field re-reads a code kept since on each show itself.)
  useDidShow(() => {
    if (!shown.current) {
      shown.current = true;
      return;
    }
    if (!booked.current) return;
    setResult(null);
    setValues((v) => ({ ...EMPTY_BOOKING_FORM, storeId: v.storeId }));
    setErrors({});
    setSubmitError('');
  });

  const loadStores = useCallback(async () => {
    setStores({ status: 'loading' });
    const res = await listStores();
    if (!res.ok) return setStores({ status: 'error', message: res.message });
    setStores({ status: 'ready', data: res.data.stores });
    const preselected = initialStore(res.data.stores.map((s) => s.id));
    if (preselected) setValues((v) => (v.storeId ? v : { ...v, storeId: preselected }));
  }, []);

  const loadProducts = useCallback(async (storeId: string) => {
    setProducts({ status: 'loading' });
    const res = await listProducts(storeId);
    setProducts(res.ok ? { status: 'ready', data: res.data.products } : { status: 'error', message: res.message });
  }, []);

  useEffect(() => {
    void loadStores();
  }, [loadStores]);

  useEffect(() => {
    if (values.storeId) void loadProducts(values.storeId);
  }, [values.storeId, loadProducts]);

  const set = (patch: Partial<BookingFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(patch) as (keyof BookingFormValues)[]) delete next[key];
      return next;
    });
    setSubmitError('');
  };

  const store = stores.status === 'ready' ? stores.data.find((s) => s.id === values.storeId) : undefined;
  const today = clinicToday();

  const submit = async () => {
    if (submitting) return;
    const found = validateBookingForm(values);
    setErrors(found);
    if (hasErrors(found)) {
      setSubmitError('请完善标红的内容后再提交');
      return;
    }
    setSubmitting(true);
    setSubmitError('');
    const code = await referral.forSubmit();
    if (!code.ok) {
      setSubmitting(false);
      setSubmitError('请核对推荐码，或清空后直接提交');
      return;
    }
    const sent = code.referral;
    const res = await createBooking({
      storeId: values.storeId,
      productId: values.productId,
      date: values.date,
      slot: values.slot,
      name: values.name.trim(),
      ...phoneFields(values),
      consentVersion: PRIVACY_VERSION,
      ...(sent ? { referralCode: sent.code } : {}),
    });
    setSubmitting(false);
    if (res.ok) {
      clearKeptReferral();
      rememberStore(values.storeId);
      const note = sent && res.data.referred && !res.data.existing ? leadOutcome(sent.terms, today, values.date) : null;
      setResult({ booking: res.data, note });
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
      return;
    }
    // A getPhoneNumber code works once. The function refuses a revoked code before spending it;
    // after any other failure the customer authorises again or types the number.
    const phoneSpent = values.phoneCode !== '' && res.code !== 'INVALID_CODE';
    if (phoneSpent) setValues((v) => ({ ...v, phoneCode: '' }));
    if (sent && (res.code === 'INVALID_CODE' || res.code === 'SELF_REFERRAL')) {
      // Revoked since the landing page, or the booker's own: dropped, the form kept, the next submit goes without it.
      referral.drop(sent.code, res.code === 'SELF_REFERRAL' ? 'own' : 'invalid');
      const dropped = res.code === 'SELF_REFERRAL' ? REFERRAL_TEXT.ownCode : REFERRAL_TEXT.keptInvalid;
      setSubmitError(`${dropped}。${phoneSpent ? REFERRAL_TEXT.resubmitPhone : REFERRAL_TEXT.resubmit}`);
      return;
    }
    const field = FIELD_OF_CODE[res.code];
    if (field) {
      setErrors({ [field]: res.message });
      if (field === 'slot') {
        setValues((v) => ({ ...v, slot: '' }));
        setSlotsVersion((n) => n + 1);
      }
    }
    setSubmitError(res.message);
  };

  if (result) {
    return (
      <View className="page booking">
        <BookingResult booking={result.booking} note={result.note} />
      </View>
    );
  }

  return (
    <View className="page booking" data-testid="booking-page">
      {referral.applied ? (
        <View className="notice notice--info" data-testid="booking-referrer">
          <Text>由 {referral.applied.referrerDisplayName} 推荐 · 预约后即享好友专属礼遇</Text>
        </View>
      ) : null}

      <View className="card">
        <Text className="card__title">选择门店</Text>
        {stores.status === 'loading' ? <LoadingState text="正在加载门店…" testId="stores-loading" /> : null}
        {stores.status === 'error' ? (
          <ErrorState message={stores.message} onRetry={() => void loadStores()} testId="stores-error" />
        ) : null}
        {stores.status === 'ready' && stores.data.length === 0 ? (
          <EmptyState title="暂无可预约的门店" testId="stores-empty" />
        ) : null}
        {stores.status === 'ready' ? (
          <View className="booking__options">
            {stores.data.map((s) => (
              <View
                key={s.id}
                className={`booking__store${s.id === values.storeId ? ' booking__store--active' : ''}`}
                data-testid={`store-${s.id}`}
                onClick={() => set({ storeId: s.id, productId: '', date: '', slot: '' })}
              >
                <Text className="booking__store-name">{s.name}</Text>
                <Text className="booking__store-addr">{s.address}</Text>
              </View>
            ))}
          </View>
        ) : null}
        <FieldError field="storeId" errors={errors} />
      </View>

      {values.storeId ? (
        <View className="card">
          <Text className="card__title">选择项目</Text>
          {products?.status === 'loading' ? <LoadingState text="正在加载项目…" testId="products-loading" /> : null}
          {products?.status === 'error' ? (
            <ErrorState
              message={products.message}
              onRetry={() => void loadProducts(values.storeId)}
              testId="products-error"
            />
          ) : null}
          {products?.status === 'ready' && products.data.length === 0 ? (
            <EmptyState title="该门店暂无可预约项目" testId="products-empty" />
          ) : null}
          {products?.status === 'ready' ? (
            <View className="chips">
              {products.data.map((p) => (
                <View
                  key={p.id}
                  className={`chip${p.id === values.productId ? ' chip--active' : ''}`}
                  data-testid={`product-${p.id}`}
                  onClick={() => set({ productId: p.id })}
                >
                  <Text className="booking__product-name">{p.name}</Text>
                  <Text className="booking__product-meta">{formatProductMeta(p)}</Text>
                </View>
              ))}
            </View>
          ) : null}
          <FieldError field="productId" errors={errors} />
        </View>
      ) : null}

      {store ? (
        <View className="card">
          <Text className="card__title">到院日期与时间</Text>
          <DateSlotPicker
            key={`${store.id}-${slotsVersion}`}
            store={store}
            date={values.date}
            slot={values.slot}
            onChange={(v) => set(v)}
            dateError={errors.date}
            slotError={errors.slot}
            dateNote={referral.applied ? leadNotice(referral.applied.terms, today, values.date) : null}
          />
        </View>
      ) : null}

      <View className="card">
        <Text className="card__title">联系信息</Text>
        <View className="field">
          <Text className="field__label">姓名</Text>
          <Input
            className={`field__input${errors.name ? ' field__input--invalid' : ''}`}
            data-testid="booking-name"
            value={values.name}
            maxlength={20}
            placeholder="请填写您的姓名"
            onInput={(e) => set({ name: e.detail.value })}
          />
          <FieldError field="name" errors={errors} />
        </View>
        <View className="field">
          <Text className="field__label">手机号</Text>
          {values.phoneCode ? (
            <View className="booking__wechat-phone" data-testid="booking-wechat-phone">
              <Text>将使用您微信绑定的手机号</Text>
              <Text className="link" onClick={() => set({ phoneCode: '' })}>
                改为手动填写
              </Text>
            </View>
          ) : (
            <Input
              className={`field__input${errors.phone ? ' field__input--invalid' : ''}`}
              data-testid="booking-phone"
              type="number"
              value={values.phone}
              maxlength={20}
              placeholder="用于到院核验与提醒"
              onInput={(e) => set({ phone: e.detail.value })}
            />
          )}
          {process.env.TARO_ENV === 'weapp' && !values.phoneCode ? (
            <Button
              className="btn btn--ghost btn-native booking__wechat-phone-button"
              openType="getPhoneNumber"
              onGetPhoneNumber={(e) => {
                const code = (e.detail as { code?: string }).code;
                if (code) set({ phoneCode: code });
              }}
            >
              使用微信手机号
            </Button>
          ) : null}
          <FieldError field="phone" errors={errors} />
        </View>
        <ReferralCodeField field={referral} />
        <View
          className="booking__consent"
          data-testid="booking-consent"
          data-checked={values.consent ? 'true' : 'false'}
          onClick={() => set({ consent: !values.consent })}
        >
          <View className={`booking__check${values.consent ? ' booking__check--on' : ''}`}>
            {values.consent ? '✓' : ''}
          </View>
          <Text className="booking__consent-text">
            我已阅读并同意
            <Text
              className="link"
              data-testid="privacy-link"
              onClick={(e) => {
                e.stopPropagation();
                void Taro.navigateTo({ url: PAGES.privacy });
              }}
            >
              《隐私保护说明》
            </Text>
            ，同意门店使用以上信息安排到院
          </Text>
        </View>
        <FieldError field="consent" errors={errors} />
      </View>

      <View className="booking__submit">
        {submitError ? (
          <Text className="field__error booking__submit-error" data-testid="booking-submit-error">
            {submitError}
          </Text>
        ) : null}
        <View
          className={`btn btn--block${submitting ? ' btn--disabled' : ''}`}
          hoverClass="btn--pressed"
          data-testid="booking-submit"
          onClick={() => void submit()}
        >
          {submitting ? '正在提交…' : '提交预约'}
        </View>
      </View>
    </View>
  );
}

function FieldError({ field, errors }: { field: keyof BookingFormValues; errors: BookingFormErrors }) {
  const message = errors[field];
  if (!message || field === 'date' || field === 'slot') return null;
  return (
    <Text className="field__error" data-testid={`error-${field}`}>
      {message}
    </Text>
  );
}
