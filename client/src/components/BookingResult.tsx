import { useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PAGES } from '../constants';
import type { Appointment } from '../services/booking';
import { subscribeToVisitReminder } from '../services/customer-subscription';
import type { SubscribeOutcome } from '../services/subscribe';
import { formatDay } from '../utils/dates';
import { BOOKING_STATUS_LABELS } from '../utils/format';

const OUTCOME_TEXT: Record<SubscribeOutcome, string> = {
  accepted: '已开启到院提醒，到院前一天会通过微信通知您',
  rejected: '未开启提醒，可稍后在“我的预约”中查看预约',
  failed: '提醒开启失败，请稍后重试',
};

/**
 * The appointment after booking: details, the booking code, and the visit reminder offer; the
 * check-in QR itself is on 我的预约 (customer subpackage), one tap away, which keeps the QR encoder
 * out of the main package. `note` says what the booking means for the referral when it is not what 好友推荐 suggests (R2).
 */
export function BookingResult({ booking, note }: { booking: Appointment; note?: string | null }) {
  const [outcome, setOutcome] = useState<SubscribeOutcome | null>(null);
  const code = booking.bookingCode ?? booking.id;

  return (
    <View className="card booking-result" data-testid="booking-result">
      {booking.existing ? (
        <View className="notice booking-result__notice" data-testid="booking-existing">
          <Text className="notice__title">您已有一个待到院的预约</Text>
          <Text>同一手机号同时只保留一个预约，以下是您已有的预约；如需更改请到“我的预约”改期。</Text>
        </View>
      ) : (
        <Text className="booking-result__title" data-testid="booking-success">
          预约成功
        </Text>
      )}
      <View className="booking-result__visit-code">
        <Text className="muted">预约码</Text>
        <Text className="booking-result__code" data-testid="booking-code">
          {code}
        </Text>
        <Text className="muted">到院时在“我的预约”出示二维码或报此码即可签到</Text>
      </View>
      <KeyValue label="门店" testId="result-store">
        {booking.storeName}
      </KeyValue>
      <KeyValue label="项目" testId="result-product">
        {booking.productName}
      </KeyValue>
      <KeyValue label="时间" testId="result-when">
        {formatDay(booking.date)} {booking.slot}
      </KeyValue>
      <KeyValue label="手机号">{booking.maskedPhone}</KeyValue>
      <KeyValue label="状态">
        {BOOKING_STATUS_LABELS[booking.status]}
        {booking.referred ? ' · 好友推荐' : ''}
      </KeyValue>
      {note ? (
        <Text className="muted booking-result__note" data-testid="result-referral-note">
          {note}
        </Text>
      ) : null}
      <View className="booking-result__actions">
        {outcome === null && booking.reminderTemplateId ? (
          <View
            className="btn btn--block"
            hoverClass="btn--pressed"
            data-testid="booking-subscribe"
            onClick={() => void subscribeToVisitReminder(booking.reminderTemplateId as string).then(setOutcome)}
          >
            开启到院提醒
          </View>
        ) : outcome ? (
          <Text className="muted" data-testid="booking-subscribe-result">
            {OUTCOME_TEXT[outcome]}
          </Text>
        ) : null}
        <View
          className="btn btn--ghost btn--block booking-result__more"
          hoverClass="btn--pressed"
          data-testid="booking-to-appointments"
          onClick={() => void Taro.navigateTo({ url: PAGES.appointments })}
        >
          查看我的预约与到院二维码
        </View>
      </View>
    </View>
  );
}

/** One labelled line of the appointment's details. */
function KeyValue({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <View className="kv">
      <Text className="kv__key">{label}</Text>
      <Text className="kv__value" data-testid={testId}>
        {children}
      </Text>
    </View>
  );
}
