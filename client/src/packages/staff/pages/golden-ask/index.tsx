import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { EmptyState } from '../../../../components/StateViews';
import { PAGES } from '../../../../constants';
import { recordAsk, type RecordedAsk } from '../../../../services/staff';
import { clinicToday, formatDay } from '../../../../utils/dates';
import {
  ASK_NOTE_MAX,
  EMPTY_ASK_FORM,
  NEED_MAX,
  askHeadline,
  expectedVisitRange,
  expectedVisitText,
  gradeDateHint,
  toRecordAskInput,
  validateAskForm,
  type AskField,
  type AskFormErrors,
  type AskFormValues,
} from '../../../../utils/golden-time';
import { GradePicker } from '../../components/GradePicker';
import { FieldError } from '../../components/FieldError';
import '../../staff.scss';
import './index.scss';

/**
 * 记录宣导 (`?id=<customerId>&name=<masked name>`, from the workbench's 黄金时间 list): the ask of
 * one old customer, and when they have a friend in mind, the friend's contact, need, expected
 * visit and grade (§5, §6). Saving rests the customer for the cooldown; the friend is filed as
 * 老带新 with this customer as referrer — a friend filed before keeps that filing (R1).
 */
export default function GoldenAskPage() {
  const params = useRouter().params;
  const customerId = params.id ?? '';
  const name = params.name ? safeDecode(params.name) : '';
  const [values, setValues] = useState<AskFormValues>(EMPTY_ASK_FORM);
  const [errors, setErrors] = useState<AskFormErrors>({});
  const [saving, setSaving] = useState(false);
  const [submitError, setSubmitError] = useState('');
  const [saved, setSaved] = useState<RecordedAsk | null>(null);
  const today = clinicToday();
  const range = expectedVisitRange(today);

  const set = (patch: Partial<AskFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(patch) as AskField[]) delete next[key];
      if (patch.grade !== undefined) delete next.need;
      return next;
    });
    setSubmitError('');
  };

  const save = async () => {
    if (saving) return;
    const found = validateAskForm(values, today);
    setErrors(found);
    const input = toRecordAskInput(customerId, values, today);
    if (!input) {
      setSubmitError('请完善标红的内容后再保存');
      return;
    }
    setSaving(true);
    setSubmitError('');
    const res = await recordAsk(input);
    setSaving(false);
    if (!res.ok) return setSubmitError(res.message);
    setSaved(res.data);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };

  if (!customerId) {
    return (
      <View className="page staff">
        <View className="card">
          <EmptyState title="没有找到这位老客" hint="请从工作台的黄金时间名单进入" testId="golden-ask-missing" />
        </View>
      </View>
    );
  }
  if (saved) return <AskAnswer saved={saved} friendName={values.friendName.trim()} today={today} />;

  const hint = gradeDateHint(values, today);
  return (
    <View className="page staff golden-ask" data-testid="golden-ask-page">
      <View className="card">
        <Text className="card__title" data-testid="golden-ask-customer">
          记录宣导{name ? ` · ${name}` : ''}
        </Text>
        <Text className="card__subtitle">保存后该老客暂时移出黄金时间名单，冷却期后再出现</Text>
        <Text className="field__label golden-ask__question">这位老客有想介绍的朋友吗？</Text>
        <View className="segmented" data-testid="friend-toggle">
          <View
            className={`segmented__item${values.hasFriend ? '' : ' segmented__item--active'}`}
            data-testid="friend-no"
            data-selected={values.hasFriend ? 'false' : 'true'}
            onClick={() => set({ hasFriend: false })}
          >
            暂时没有
          </View>
          <View
            className={`segmented__item${values.hasFriend ? ' segmented__item--active' : ''}`}
            data-testid="friend-yes"
            data-selected={values.hasFriend ? 'true' : 'false'}
            onClick={() => set({ hasFriend: true })}
          >
            有意向介绍朋友
          </View>
        </View>
        {values.hasFriend ? null : (
          <Text className="staff-hint">没有也请记录：了解上次推荐的经验或顾虑，写在备注里</Text>
        )}
      </View>

      {values.hasFriend ? (
        <>
          <View className="card" data-testid="friend-form">
            <Text className="card__title">朋友信息</Text>
            <Text className="card__subtitle">保存后朋友按老带新建档，推荐人为这位老客；已建档的朋友以首次建档为准</Text>
            <View className="field">
              <Text className="field__label">朋友姓名</Text>
              <Input
                className={`field__input${errors.friendName ? ' field__input--invalid' : ''}`}
                data-testid="friend-name"
                value={values.friendName}
                maxlength={20}
                placeholder="朋友的姓名"
                onInput={(e) => set({ friendName: e.detail.value })}
              />
              <FieldError message={errors.friendName} testId="error-friendName" />
            </View>
            <View className="field">
              <Text className="field__label">朋友手机号</Text>
              <Input
                className={`field__input${errors.friendPhone ? ' field__input--invalid' : ''}`}
                data-testid="friend-phone"
                type="number"
                value={values.friendPhone}
                maxlength={20}
                placeholder="11 位手机号"
                onInput={(e) => set({ friendPhone: e.detail.value })}
              />
              <FieldError message={errors.friendPhone} testId="error-friendPhone" />
            </View>
            <View className="field">
              <Text className="field__label">需求（意向项目、预算）{values.grade === 'F3' ? '（选填）' : ''}</Text>
              <Textarea
                className={`staff-textarea${errors.need ? ' field__input--invalid' : ''}`}
                data-testid="friend-need"
                value={values.need}
                maxlength={NEED_MAX}
                autoHeight
                placeholder="例如：想做双眼皮，预算一万左右"
                onInput={(e) => set({ need: e.detail.value })}
              />
              <FieldError message={errors.need} testId="error-need" />
            </View>
            <View className="field">
              <Text className="field__label">预计到院日期（选填）</Text>
              <View className="golden-ask__date">
                <View className="golden-ask__date-picker">
                  <Picker
                    mode="date"
                    value={values.expectedVisitDate || range.start}
                    start={range.start}
                    end={range.end}
                    onChange={(e) => set({ expectedVisitDate: String(e.detail.value) })}
                  >
                    <View
                      className={`field__input golden-ask__date-value${values.expectedVisitDate ? '' : ' golden-ask__date-value--empty'}${errors.expectedVisitDate ? ' field__input--invalid' : ''}`}
                      data-testid="friend-date"
                    >
                      {expectedVisitText(values.expectedVisitDate, today)}
                    </View>
                  </Picker>
                </View>
                {values.expectedVisitDate ? (
                  <View
                    className="btn btn--ghost golden-ask__date-clear"
                    hoverClass="btn--pressed"
                    data-testid="friend-date-clear"
                    onClick={() => set({ expectedVisitDate: '' })}
                  >
                    清除
                  </View>
                ) : null}
              </View>
              <FieldError message={errors.expectedVisitDate} testId="error-expectedVisitDate" />
            </View>
          </View>

          <View className="card">
            <Text className="card__title">朋友的意向等级</Text>
            <Text className="card__subtitle">等级决定之后的跟进节奏</Text>
            <GradePicker value={values.grade} onChange={(grade) => set({ grade })} />
            <FieldError message={errors.grade} testId="error-grade" />
            {hint ? (
              <Text className="golden-ask__hint" data-testid="grade-date-hint">
                {hint}
              </Text>
            ) : null}
          </View>
        </>
      ) : null}

      <View className="card">
        <View className="field golden-ask__note">
          <Text className="field__label">备注（选填）</Text>
          <Textarea
            className={`staff-textarea${errors.note ? ' field__input--invalid' : ''}`}
            data-testid="ask-note"
            value={values.note}
            maxlength={ASK_NOTE_MAX}
            autoHeight
            placeholder="老客的反馈、顾虑，下次治疗时间等"
            onInput={(e) => set({ note: e.detail.value })}
          />
          <FieldError message={errors.note} testId="error-note" />
        </View>
      </View>

      <View className="golden-ask__submit">
        {submitError ? (
          <Text className="field__error golden-ask__submit-error" data-testid="ask-error">
            {submitError}
          </Text>
        ) : null}
        <View
          className={`btn btn--block${saving ? ' btn--disabled' : ''}`}
          hoverClass="btn--pressed"
          data-testid="ask-save"
          onClick={() => void save()}
        >
          {saving ? '正在保存…' : values.hasFriend ? '保存并为朋友建档' : '保存宣导记录'}
        </View>
      </View>
    </View>
  );
}

/** What saving did: the ask, and the friend's filing (new, or the one already there: R1). */
function AskAnswer({ saved, friendName, today }: { saved: RecordedAsk; friendName: string; today: string }) {
  const headline = askHeadline(saved);
  const filing = saved.friendFiling;
  return (
    <View className="page staff golden-ask" data-testid="golden-ask-page">
      <View className="card" data-testid="ask-result" data-existing={filing?.existing ? 'true' : 'false'}>
        <Text className="answer__title" data-testid="ask-headline">
          {headline.title}
        </Text>
        <Text className="answer__sub" data-testid="ask-message">
          {headline.sub}
        </Text>
        <View className="golden-ask__facts">
          <View className="kv">
            <Text className="kv__key">宣导日期</Text>
            <Text className="kv__value" data-testid="ask-date">
              {formatDay(saved.askedOn, today)}
            </Text>
          </View>
          {filing && friendName ? (
            <View className="kv">
              <Text className="kv__key">朋友</Text>
              <Text className="kv__value">{friendName}</Text>
            </View>
          ) : null}
          {filing ? (
            <View className="kv">
              <Text className="kv__key">归属渠道</Text>
              <Text className="kv__value" data-testid="ask-channel">
                {filing.channelLabel}
                {filing.existing ? '（以首次建档为准）' : ''}
              </Text>
            </View>
          ) : null}
        </View>
        {filing ? (
          <View className="attribution__rule" data-testid="ask-rule">
            <Text className="attribution__rule-id">{filing.rule}</Text>
            <Text>{filing.explanation}</Text>
          </View>
        ) : null}
        <View
          className="btn btn--block golden-ask__back"
          hoverClass="btn--pressed"
          data-testid="ask-back"
          // Opened without a page below (a shared link): go to the workbench instead.
          onClick={() => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: PAGES.workbench }))}
        >
          返回黄金时间名单
        </View>
      </View>
    </View>
  );
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
