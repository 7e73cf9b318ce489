import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { DateSlotPicker } from '../../../../components/DateSlotPicker';
import { EmptyState, ErrorState, PageError, PageLoading } from '../../../../components/StateViews';
import { VisitDesk } from '../../components/VisitDesk';
import { DANGER_COLOR, PAGES } from '../../../../constants';
import {
  cancelBooking,
  listMyBookings,
  listStores,
  rescheduleBooking,
  type Appointment,
  type StoreInfo,
} from '../../../../services/booking';
import { openPage } from '../../../../services/navigation';
import { splitAppointments } from '../../../../utils/appointments';
import { clinicToday, formatDay } from '../../../../utils/dates';
import { BOOKING_STATUS_LABELS } from '../../../../utils/format';
import './index.scss';

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; bookings: Appointment[]; stores: StoreInfo[]; nextCursor?: string };

export default function Appointments() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [moving, setMoving] = useState<string | null>(null);
  const [more, setMore] = useState<{ busy: boolean; error?: string }>({ busy: false });

  const load = useCallback(async () => {
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    const [mine, stores] = await Promise.all([listMyBookings(), listStores()]);
    if (!mine.ok) return setState({ status: 'error', message: mine.message });
    if (!stores.ok) return setState({ status: 'error', message: stores.message });
    setState({
      status: 'ready',
      bookings: mine.data.bookings,
      stores: stores.data.stores,
      ...(mine.data.nextCursor ? { nextCursor: mine.data.nextCursor } : {}),
    });
  }, []);

  /** The next page of older bookings (the list comes latest first, a page at a time). */
  const loadMore = async (cursor: string) => {
    setMore({ busy: true });
    const page = await listMyBookings(cursor);
    if (!page.ok) return setMore({ busy: false, error: page.message });
    setMore({ busy: false });
    setState((s) => {
      if (s.status !== 'ready') return s;
      const known = new Set(s.bookings.map((b) => b.id));
      const { nextCursor: _previous, ...rest } = s;
      return {
        ...rest,
        bookings: [...s.bookings, ...page.data.bookings.filter((b) => !known.has(b.id))],
        ...(page.data.nextCursor ? { nextCursor: page.data.nextCursor } : {}),
      };
    });
  };

  useDidShow(() => {
    void load();
  });

  const replace = (updated: Appointment) =>
    setState((s) =>
      s.status === 'ready' ? { ...s, bookings: s.bookings.map((b) => (b.id === updated.id ? updated : b)) } : s,
    );

  const cancel = async (b: Appointment) => {
    const answer = await Taro.showModal({
      title: '取消预约',
      content: `确定取消 ${formatDay(b.date)} ${b.slot} 在${b.storeName}的预约吗？`,
      confirmText: '取消预约',
      confirmColor: DANGER_COLOR,
      cancelText: '再想想',
    });
    if (!answer.confirm) return;
    const res = await cancelBooking(b.id);
    if (res.ok) {
      replace(res.data);
      void Taro.showToast({ title: '已取消', icon: 'success' });
    } else {
      void Taro.showToast({ title: res.message, icon: 'none' });
    }
  };

  if (state.status === 'loading') return <PageLoading text="正在加载预约…" testId="appointments-loading" />;
  if (state.status === 'error') {
    return <PageError message={state.message} onRetry={() => void load()} testId="appointments-error" />;
  }

  const { upcoming, past } = splitAppointments(state.bookings, new Date());
  const today = clinicToday();
  return (
    <View className="page appointments" data-testid="appointments-page">
      <View className="card">
        <Text className="card__title">即将到院</Text>
        {upcoming.length === 0 ? (
          <View data-testid="appointments-empty">
            <EmptyState title="暂无待到院的预约" hint="预约后会在这里显示" />
            <View
              className="btn btn--block"
              hoverClass="btn--pressed"
              data-testid="appointments-book"
              onClick={() => void openPage(PAGES.booking)}
            >
              去预约
            </View>
          </View>
        ) : null}
        {upcoming.map((b, i) => (
          <View key={b.id} className="appt" data-testid={`appointment-${b.id}`}>
            <AppointmentLines booking={b} today={today} />
            <VisitDesk booking={b} store={state.stores.find((s) => s.id === b.storeId)} open={i === 0} />
            {moving === b.id ? (
              <Reschedule
                booking={b}
                store={state.stores.find((s) => s.id === b.storeId)}
                onDone={(updated) => {
                  setMoving(null);
                  if (updated) replace(updated);
                }}
              />
            ) : (
              <View className="appt__actions">
                <View
                  className="btn btn--ghost btn--small"
                  hoverClass="btn--pressed"
                  data-testid={`reschedule-${b.id}`}
                  onClick={() => setMoving(b.id)}
                >
                  改期
                </View>
                <View
                  className="btn btn--danger btn--small"
                  hoverClass="btn--pressed"
                  data-testid={`cancel-${b.id}`}
                  onClick={() => void cancel(b)}
                >
                  取消预约
                </View>
              </View>
            )}
          </View>
        ))}
      </View>
      <View className="card">
        <Text className="card__title">历史预约</Text>
        {past.length === 0 ? <EmptyState title="暂无历史预约" testId="appointments-past-empty" /> : null}
        {past.map((b) => (
          <View key={b.id} className="appt appt--past" data-testid={`appointment-${b.id}`}>
            <AppointmentLines booking={b} today={today} />
          </View>
        ))}
        {state.nextCursor ? (
          <View
            className={`btn btn--ghost btn--block${more.busy ? ' btn--disabled' : ''}`}
            hoverClass="btn--pressed"
            data-testid="appointments-more"
            onClick={() => !more.busy && state.nextCursor && void loadMore(state.nextCursor)}
          >
            {more.busy ? '正在加载…' : '加载更早的预约'}
          </View>
        ) : null}
        {more.error ? (
          <Text className="field__error" data-testid="appointments-more-error">
            {more.error}
          </Text>
        ) : null}
      </View>
    </View>
  );
}

function AppointmentLines({ booking: b, today }: { booking: Appointment; today: string }) {
  return (
    <View>
      <View className="appt__head">
        <Text className="appt__when">
          {formatDay(b.date, today)} {b.slot}
        </Text>
        <Text className={`tag${b.status === 'booked' ? '' : ' tag--grey'}`} data-testid="appointment-status">
          {BOOKING_STATUS_LABELS[b.status]}
        </Text>
      </View>
      <Text className="appt__line">
        {b.storeName} · {b.productName}
      </Text>
      <Text className="appt__line muted">
        预约码 {b.bookingCode ?? b.id} · {b.maskedPhone}
        {b.referred ? ' · 好友推荐' : ''}
      </Text>
    </View>
  );
}

function Reschedule({
  booking,
  store,
  onDone,
}: {
  booking: Appointment;
  store: StoreInfo | undefined;
  onDone: (updated?: Appointment) => void;
}) {
  const [value, setValue] = useState({ date: '', slot: '' });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);

  if (!store) return <ErrorState message="门店信息不可用，请稍后再试" onRetry={() => onDone()} />;

  const save = async () => {
    if (!value.date || !value.slot) return setError('请选择新的日期和时间');
    setBusy(true);
    const res = await rescheduleBooking(booking.id, value.date, value.slot);
    setBusy(false);
    if (res.ok) {
      void Taro.showToast({ title: '已改期', icon: 'success' });
      onDone(res.data);
    } else {
      setError(res.message);
      if (res.code === 'SLOT_FULL') {
        setValue((v) => ({ ...v, slot: '' }));
        setVersion((n) => n + 1);
      }
    }
  };

  return (
    <View className="appt__reschedule" data-testid="reschedule-panel">
      <DateSlotPicker
        key={version}
        store={store}
        date={value.date}
        slot={value.slot}
        onChange={(v) => {
          setValue(v);
          setError('');
        }}
      />
      {error ? (
        <Text className="field__error" data-testid="reschedule-error">
          {error}
        </Text>
      ) : null}
      <View className="appt__actions">
        <View className="btn btn--ghost btn--small" hoverClass="btn--pressed" onClick={() => onDone()}>
          放弃
        </View>
        <View
          className={`btn btn--small${busy ? ' btn--disabled' : ''}`}
          hoverClass="btn--pressed"
          data-testid="reschedule-save"
          onClick={() => !busy && void save()}
        >
          {busy ? '正在保存…' : '确认改期'}
        </View>
      </View>
    </View>
  );
}
