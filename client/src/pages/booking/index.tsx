import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { ErrorCode } from '@clinic/shared';
import { BookingResult } from '../../components/BookingResult';
import { DateSlotPicker } from '../../components/DateSlotPicker';
import { PrivacyPopup } from '../../components/PrivacyPopup';
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
import { ensurePrivacyAgreed } from '../../services/privacy';
import { markMemberStale } from '../../services/session';
import { productMetaLines } from '../../utils/format';
import { ReferralCodeField, useReferralCode } from '../../components/ReferralCodeField';
import { clinicToday, nextOpenDate, suggestedVisitDate, type DayRules } from '../../utils/dates';
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
  /** The date the page chose (the customer has not picked one): it may move on if that day is full. */
  const suggested = useRef<{ date: string; moves: number } | null>(null);
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
  const dayRules: DayRules | null = store
    ? { today, hours: { openingHours: store.openingHours, closedDates: store.closedDates } }
    : null;
  const leadDays = referral.applied ? referral.applied.terms.minLeadDays : null;

  // Most customers only need to pick a time: the first open day (for an invited friend, the first
  // that counts as a referral) starts chosen, until the customer picks a day themselves.
  useEffect(() => {
    if (!dayRules) return;
    const unchanged = values.date === '' || (suggested.current?.date === values.date && values.slot === '');
    if (!unchanged) return;
    const date = suggestedVisitDate(dayRules, leadDays);
    if (!date || date === values.date) return;
    suggested.current = { date, moves: 0 };
    setValues((v) => ({ ...v, date, slot: '' }));
    // Re-suggest when the store, its hours or the invitation's lead time change, or the form restarts.
  }, [store, leadDays, values.date === '']);

  /** The suggested day has no free time: the next open one, a week at most (then the customer picks). */
  const skipUnavailableDay = (date: string) => {
    const auto = suggested.current;
    if (!dayRules || !auto || auto.date !== date || auto.moves >= 7) return;
    const next = nextOpenDate(dayRules, date);
    if (!next) return;
    suggested.current = { date: next, moves: auto.moves + 1 };
    setValues((v) => (v.date === date ? { ...v, date: next, slot: '' } : v));
  };

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
    // The 隐私保护指引 comes before any personal data leaves the device (asked once per notice version).
    if (!(await ensurePrivacyAgreed())) {
      setSubmitting(false);
      setSubmitError('需要您同意《隐私保护指引》后才能提交预约');
      return;
    }
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
      sensitiveConsent: true,
      ...(sent ? { referralCode: sent.code } : {}),
    });
    setSubmitting(false);
    if (res.ok) {
      // The first booking files the person (新客): 首页 and 我的 ask again on their next show.
      markMemberStale();
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
            <View className="booking__products">
              {products.data.map((p) => (
                <View
                  key={p.id}
                  className={`chip booking__product${p.id === values.productId ? ' chip--active' : ''}`}
                  data-testid={`product-${p.id}`}
                  onClick={() => set({ productId: p.id })}
                >
                  <Text className="booking__product-name">{p.name}</Text>
                  {productMetaLines(p).map((line) => (
                    <Text key={line} className="booking__product-meta">
                      {line}
                    </Text>
                  ))}
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
            onChange={(v) => {
              if (v.date !== values.date) suggested.current = null;
              set(v);
            }}
            onDayUnavailable={skipUnavailableDay}
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
              <Text
                className="link link--tap"
                data-testid="booking-phone-manual"
                onClick={() => set({ phoneCode: '' })}
              >
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
        {/* PIPL art. 29: health-related information needs its own consent, given by the submit below. */}
        <Text className="booking__consent-text" data-testid="booking-sensitive-consent">
          您选择的项目和到院记录属于医疗健康相关的敏感个人信息。点击“同意并提交预约”，即表示您单独同意门店为安排到院、面诊和治疗处理这些信息，详见
          <Text
            className="link"
            data-testid="privacy-link"
            onClick={() => void Taro.navigateTo({ url: PAGES.privacy })}
          >
            《隐私保护说明》
          </Text>
          。
        </Text>
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
          {submitting ? '正在提交…' : '同意并提交预约'}
        </View>
      </View>
      <PrivacyPopup />
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
