import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { MAX_CODE_LENGTH, normalizeCodeInput, parseCodeOfAnyLength, type ReferralTerms } from '@clinic/shared';
import { REFERRAL_KEEP_DAYS } from '../constants';
import { clearKeptReferral, forgetKeptReferral, getKeptReferral, keepReferral } from '../services/kept-referral';
import { resolveLanding } from '../services/landing';
import { DEFAULT_REFERRAL_TERMS, invitationOf, REFERRAL_TEXT } from '../utils/referral-terms';
import './ReferralCodeField.scss';

/** A code the booking will send: checked by `referral.resolveLanding` (the server judges). */
export interface AppliedReferral {
  code: string;
  referrerDisplayName: string;
  terms: ReferralTerms;
}

/** The input while the customer types a code. */
interface Draft {
  text: string;
  error: string;
  checking: boolean;
}

function keptReferral(): AppliedReferral | null {
  const kept = getKeptReferral();
  return kept
    ? { code: kept.code, referrerDisplayName: kept.referrerDisplayName, terms: kept.terms ?? DEFAULT_REFERRAL_TERMS }
    : null;
}

/**
 * The booking form's 推荐码: the kept invitation (shown as 好友 X 的邀请, changeable, removable) or
 * a typed one. What the field shows is what the booking sends: a typed code is normalised, its
 * format checked here for quick feedback, then resolved by the function before it is used.
 */
export function useReferralCode() {
  const [applied, setApplied] = useState<AppliedReferral | null>(keptReferral);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState('');
  // The device's invitation is what the form uses (applied, removed, dropped and booked all write
  // it): a page that stays mounted (a tab) reads it again each time it shows.
  useDidShow(() => setApplied(keptReferral()));

  const apply = async (text: string): Promise<AppliedReferral | null> => {
    const parsed = parseCodeOfAnyLength(text);
    if (!parsed.ok) {
      setDraft({ text, error: parsed.message, checking: false });
      return null;
    }
    setDraft({ text, error: '', checking: true });
    const res = await resolveLanding({ code: parsed.code });
    const refused = !res.ok ? res.message : res.data.ownCard ? REFERRAL_TEXT.ownCodeTyped : '';
    if (!res.ok || refused) {
      setDraft({ text, error: refused, checking: false });
      return null;
    }
    const { code, referrerDisplayName, keepDays, referralTerms, storeId } = res.data;
    const referral = { code, referrerDisplayName, terms: referralTerms ?? DEFAULT_REFERRAL_TERMS };
    keepReferral({ ...referral, ...(storeId ? { storeId } : {}) }, Date.now(), keepDays ?? REFERRAL_KEEP_DAYS);
    setApplied(referral);
    setDraft(null);
    setNotice('');
    return referral;
  };

  return {
    applied,
    draft,
    notice,
    open: () => {
      setDraft({ text: applied?.code ?? '', error: '', checking: false });
      setNotice('');
    },
    cancel: () => setDraft(null),
    type: (text: string) =>
      setDraft({ text: normalizeCodeInput(text).slice(0, MAX_CODE_LENGTH), error: '', checking: false }),
    apply: () => (draft && !draft.checking ? apply(draft.text) : Promise.resolve(null)),
    /** The customer does not want the invitation: gone from the form and the device. */
    remove: () => {
      clearKeptReferral();
      setApplied(null);
      setDraft(null);
      setNotice('');
    },
    /**
     * What to send: an open field's code (resolved first, unless it is the one in use; empty means
     * none), else the code in use. `ok: false` when the field shows a problem instead.
     */
    forSubmit: async (): Promise<{ ok: true; referral: AppliedReferral | null } | { ok: false }> => {
      if (!draft) return { ok: true, referral: applied };
      if (draft.text === '') {
        clearKeptReferral();
        setDraft(null);
        setApplied(null);
        return { ok: true, referral: null };
      }
      if (draft.text === applied?.code) {
        setDraft(null);
        return { ok: true, referral: applied };
      }
      const referral = await apply(draft.text);
      return referral ? { ok: true, referral } : { ok: false };
    },
    /** booking.create refused the code (revoked meanwhile, or the booker's own): book without it. */
    drop: (code: string, reason: 'invalid' | 'own') => {
      forgetKeptReferral(code);
      setApplied(null);
      setDraft(null);
      setNotice(reason === 'own' ? REFERRAL_TEXT.ownCode : REFERRAL_TEXT.keptInvalid);
    },
  };
}

export type ReferralCodeState = ReturnType<typeof useReferralCode>;

export function ReferralCodeField({ field }: { field: ReferralCodeState }) {
  const { applied, draft, notice } = field;
  return (
    <View className="field referral-field" data-testid="booking-referral">
      <Text className="field__label">{REFERRAL_TEXT.fieldLabel}</Text>
      {notice ? (
        <Text className="referral-field__notice" data-testid="booking-referral-notice">
          {notice}
        </Text>
      ) : null}
      {draft ? (
        <View>
          <View className="referral-field__row">
            <Input
              className={`field__input referral-field__input${draft.error ? ' field__input--invalid' : ''}`}
              data-testid="booking-referral-input"
              value={draft.text}
              maxlength={MAX_CODE_LENGTH}
              placeholder={REFERRAL_TEXT.fieldPlaceholder}
              onInput={(e) => field.type(e.detail.value)}
              onConfirm={() => void field.apply()}
            />
            <View
              className={`btn referral-field__apply${draft.checking ? ' btn--disabled' : ''}`}
              hoverClass="btn--pressed"
              data-testid="booking-referral-apply"
              onClick={() => void field.apply()}
            >
              {draft.checking ? '核对中…' : '使用'}
            </View>
          </View>
          {draft.error ? (
            <Text className="field__error" data-testid="error-referral">
              {draft.error}
            </Text>
          ) : null}
          <Text
            className="link referral-field__link referral-field__link--start"
            data-testid="booking-referral-cancel"
            onClick={field.cancel}
          >
            {applied ? '取消修改' : '不填写推荐码'}
          </Text>
        </View>
      ) : applied ? (
        <View className="referral-field__applied" data-testid="booking-referral-applied">
          <View className="referral-field__who">
            <Text className="referral-field__name">{invitationOf(applied.referrerDisplayName)}</Text>
            <Text className="referral-field__code" data-testid="booking-referral-code">
              推荐码 {applied.code}
            </Text>
          </View>
          <View className="referral-field__actions">
            <Text className="link referral-field__link" data-testid="booking-referral-change" onClick={field.open}>
              修改
            </Text>
            <Text className="link referral-field__link" data-testid="booking-referral-remove" onClick={field.remove}>
              不使用
            </Text>
          </View>
        </View>
      ) : (
        <Text
          className="link referral-field__link referral-field__link--start"
          data-testid="booking-referral-open"
          onClick={field.open}
        >
          {REFERRAL_TEXT.fieldOpen}
        </Text>
      )}
    </View>
  );
}
