import { checkCharacter } from '@clinic/shared';
import { NEWCOMER, TOMORROW, WEDNESDAY, bookingInput, startClinic, type Clinic } from '../../test/support/clinic';

jest.setTimeout(120_000);

let clinic: Clinic;
beforeAll(async () => {
  clinic = await startClinic();
});
afterAll(async () => {
  await clinic.cloud.stop();
});

const counter = (storeId: string, date: string, slot: string) =>
  (clinic.cloud.db.find('slotCounters', { _id: `${storeId}_${date}_${slot.replace(':', '')}` })[0] as any)?.booked ?? 0;

describe('stores, products and slots', () => {
  test('listStores lists the active stores with their hours and closed dates', async () => {
    const res = await clinic.call('booking', 'listStores', {}, NEWCOMER);
    expect(res.body.ok).toBe(true);
    expect(res.body.data.stores.map((s: any) => s.id)).toEqual(['store-1', 'store-2']);
    expect(res.body.data.stores[1].openingHours).toHaveLength(6);
  });

  test('listStores gives what a customer needs at the door: phone, map point and visit notes', async () => {
    const res = await clinic.call('booking', 'listStores', {}, NEWCOMER);
    const one = res.body.data.stores[0];
    expect(one).toMatchObject({ phone: '0871-65123456', location: { latitude: 25.0406, longitude: 102.7046 } });
    expect(one.visitNotes).toContain('请携带本人身份证，到院后出示预约码签到');
    // Nothing internal leaks to customers: no capacity, slot length or chain.
    expect(Object.keys(one).sort()).toEqual(
      ['address', 'closedDates', 'id', 'location', 'name', 'openingHours', 'phone', 'visitNotes'].sort(),
    );
  });

  test('listProducts lists what a store offers; an unknown store is a clear error', async () => {
    const one = await clinic.call('booking', 'listProducts', { storeId: 'store-1' }, NEWCOMER);
    const two = await clinic.call('booking', 'listProducts', { storeId: 'store-2' }, NEWCOMER);
    expect(one.body.data.products.map((p: any) => p.id)).toContain('product-breast');
    expect(two.body.data.products.map((p: any) => p.id)).not.toContain('product-breast');
    const unknown = await clinic.call('booking', 'listProducts', { storeId: 'store-9' }, NEWCOMER);
    expect(unknown.body).toEqual({ ok: false, code: 'STORE_NOT_FOUND', message: expect.stringMatching(/门店/) });
  });

  test('listSlots: opening hours, capacity and what is taken; closed weekdays; past dates', async () => {
    const slots = await clinic.call('booking', 'listSlots', { storeId: 'store-2', date: WEDNESDAY }, NEWCOMER);
    expect(slots.body.data).toMatchObject({ date: WEDNESDAY, closed: false });
    expect(slots.body.data.slots[0]).toEqual({ slot: '09:30', available: 2 });
    expect(slots.body.data.slots.at(-1)).toEqual({ slot: '19:30', available: 2 });

    await clinic.call(
      'booking',
      'create',
      bookingInput({ storeId: 'store-2', date: WEDNESDAY, slot: '09:30', phone: '13600000001' }),
      'o-s1',
    );
    const after = await clinic.call('booking', 'listSlots', { storeId: 'store-2', date: WEDNESDAY }, NEWCOMER);
    expect(after.body.data.slots[0]).toEqual({ slot: '09:30', available: 1 });

    const tuesday = await clinic.call('booking', 'listSlots', { storeId: 'store-2', date: TOMORROW }, NEWCOMER);
    expect(tuesday.body.data).toEqual({ date: TOMORROW, closed: true, slots: [] });
    const past = await clinic.call('booking', 'listSlots', { storeId: 'store-1', date: '2027-02-28' }, NEWCOMER);
    expect(past.body).toMatchObject({ ok: false, code: 'DATE_IN_PAST' });
    // Today: slots already started show nothing left.
    const today = await clinic.call('booking', 'listSlots', { storeId: 'store-1', date: '2027-03-01' }, NEWCOMER);
    expect(today.body.data.slots[0]).toEqual({ slot: '09:30', available: 3 });
  });
});

describe('cancel and reschedule (only the booking’s own user; counters kept right)', () => {
  test('reschedule moves the place; cancel frees it; both refuse someone else', async () => {
    const created = await clinic.call(
      'booking',
      'create',
      bookingInput({ phone: '13600000002', slot: '14:00' }),
      'o-own',
    );
    const id = created.body.data.id;
    expect(counter('store-1', TOMORROW, '14:00')).toBe(1);

    const before = clinic.counts();
    const bookingBefore = clinic.cloud.db.find('bookings', { _id: id });
    for (const [action, data] of [
      ['cancel', { bookingId: id }],
      ['reschedule', { bookingId: id, date: WEDNESDAY, slot: '10:00' }],
    ] as const) {
      const res = await clinic.call('booking', action, data, 'o-intruder');
      expect(res.body).toEqual({ ok: false, code: 'NOT_FOUND', message: '预约不存在' });
    }
    expect(clinic.cloud.db.find('bookings', { _id: id })).toEqual(bookingBefore);
    expect(clinic.counts()).toEqual(before);

    const moved = await clinic.call(
      'booking',
      'reschedule',
      { bookingId: id, date: WEDNESDAY, slot: '10:00' },
      'o-own',
    );
    expect(moved.body).toMatchObject({ ok: true, data: { id, date: WEDNESDAY, slot: '10:00', status: 'booked' } });
    expect(counter('store-1', TOMORROW, '14:00')).toBe(0);
    expect(counter('store-1', WEDNESDAY, '10:00')).toBe(1);

    const cancelled = await clinic.call('booking', 'cancel', { bookingId: id }, 'o-own');
    expect(cancelled.body).toMatchObject({ ok: true, data: { id, status: 'cancelled' } });
    expect(counter('store-1', WEDNESDAY, '10:00')).toBe(0);
    const again = await clinic.call('booking', 'cancel', { bookingId: id }, 'o-own');
    expect(again.body).toMatchObject({ ok: false, code: 'BOOKING_NOT_CHANGEABLE' });
    const unknown = await clinic.call('booking', 'cancel', { bookingId: 'NOPE234' }, 'o-own');
    expect(unknown.body).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  test('reschedule into a full slot is refused and changes nothing', async () => {
    for (const [i, phone] of ['13600000010', '13600000011'].entries()) {
      await clinic.call(
        'booking',
        'create',
        bookingInput({ storeId: 'store-2', date: WEDNESDAY, slot: '11:00', phone }),
        `o-full-${i}`,
      );
    }
    const mine = await clinic.call(
      'booking',
      'create',
      bookingInput({ storeId: 'store-2', date: WEDNESDAY, slot: '11:30', phone: '13600000012' }),
      'o-mover',
    );
    const res = await clinic.call(
      'booking',
      'reschedule',
      { bookingId: mine.body.data.id, date: WEDNESDAY, slot: '11:00' },
      'o-mover',
    );
    expect(res.body).toMatchObject({ ok: false, code: 'SLOT_FULL', message: expect.stringMatching(/约满/) });
    expect(counter('store-2', WEDNESDAY, '11:00')).toBe(2);
    expect(counter('store-2', WEDNESDAY, '11:30')).toBe(1);
    const past = await clinic.call(
      'booking',
      'reschedule',
      { bookingId: mine.body.data.id, date: '2027-02-27', slot: '11:00' },
      'o-mover',
    );
    expect(past.body).toMatchObject({ ok: false, code: 'DATE_IN_PAST' });
  });

  test('listMine shows only the caller’s bookings', async () => {
    await clinic.call('booking', 'create', bookingInput({ phone: '13600000020', slot: '15:30' }), 'o-mine-a');
    await clinic.call('booking', 'create', bookingInput({ phone: '13600000021', slot: '15:30' }), 'o-mine-b');
    const a = await clinic.call('booking', 'listMine', {}, 'o-mine-a');
    expect(a.body.data.bookings).toEqual([
      expect.objectContaining({ maskedPhone: '136****0020', storeName: expect.stringMatching(/一店/) }),
    ]);
    const none = await clinic.call('booking', 'listMine', {}, 'o-nobody');
    expect(none.body.data.bookings).toEqual([]);
  });
});

describe('bad input gets a clear Chinese message and a code, and writes nothing', () => {
  const full = async () => {
    for (const [i, phone] of ['13600000030', '13600000031'].entries()) {
      await clinic.call(
        'booking',
        'create',
        bookingInput({ storeId: 'store-2', date: WEDNESDAY, slot: '16:00', phone }),
        `o-fill-${i}`,
      );
    }
  };
  beforeAll(full);

  test.each([
    ['wrong type', { action: 'create', data: bookingInput({ slot: 1000 }) }, 'INVALID_INPUT'],
    ['missing field', { action: 'create', data: { ...bookingInput(), name: undefined } }, 'INVALID_INPUT'],
    ['extra field', { action: 'create', data: bookingInput({ channel: 'referral' }) }, 'INVALID_INPUT'],
    ['10 KB string', { action: 'create', data: bookingInput({ name: '张'.repeat(3500) }) }, 'INVALID_INPUT'],
    ['operator in the phone', { action: 'create', data: bookingInput({ phone: { $ne: null } }) }, 'INVALID_INPUT'],
    ['landline', { action: 'create', data: bookingInput({ phone: '0871-65123456' }) }, 'INVALID_INPUT'],
    ['no consent', { action: 'create', data: bookingInput({ consentVersion: '' }) }, 'INVALID_INPUT'],
    [
      'no consent for health-related information',
      { action: 'create', data: bookingInput({ sensitiveConsent: false }) },
      'INVALID_INPUT',
    ],
    ['invalid date', { action: 'create', data: bookingInput({ date: '2027-02-30' }) }, 'INVALID_INPUT'],
    ['past date', { action: 'create', data: bookingInput({ date: '2027-02-28' }) }, 'DATE_IN_PAST'],
    [
      'before opening time',
      { action: 'create', data: bookingInput({ date: '2027-03-01', slot: '08:00' }) },
      'INVALID_SLOT',
    ],
    [
      'today, earlier slot',
      { action: 'create', data: bookingInput({ date: '2027-02-28', slot: '09:30' }) },
      'DATE_IN_PAST',
    ],
    ['too far ahead', { action: 'create', data: bookingInput({ date: '2027-12-01' }) }, 'DATE_TOO_FAR'],
    [
      'closed weekday',
      { action: 'create', data: bookingInput({ storeId: 'store-2', date: TOMORROW }) },
      'STORE_CLOSED',
    ],
    ['outside opening hours', { action: 'create', data: bookingInput({ slot: '20:00' }) }, 'INVALID_SLOT'],
    ['off the slot grid', { action: 'create', data: bookingInput({ slot: '10:15' }) }, 'INVALID_SLOT'],
    ['unknown store', { action: 'create', data: bookingInput({ storeId: 'store-9' }) }, 'STORE_NOT_FOUND'],
    ['unknown product', { action: 'create', data: bookingInput({ productId: 'product-x' }) }, 'PRODUCT_NOT_FOUND'],
    [
      'product not at the store',
      { action: 'create', data: bookingInput({ storeId: 'store-2', date: WEDNESDAY, productId: 'product-breast' }) },
      'PRODUCT_NOT_AT_STORE',
    ],
    [
      'a slot that just filled',
      {
        action: 'create',
        data: bookingInput({ storeId: 'store-2', date: WEDNESDAY, slot: '16:00', phone: '13600000032' }),
      },
      'SLOT_FULL',
    ],
    ['mistyped referral code', { action: 'create', data: bookingInput({ referralCode: 'ABCD2345' }) }, 'INVALID_CODE'],
    [
      'unknown referral code',
      { action: 'create', data: bookingInput({ referralCode: 'ABCDEFG' + checkCharacter('ABCDEFG') }) },
      'INVALID_CODE',
    ],
    ['cancel with a bad id', { action: 'cancel', data: { bookingId: '../x' } }, 'INVALID_INPUT'],
    [
      'reschedule with an operator',
      { action: 'reschedule', data: { bookingId: { $gt: '' }, date: WEDNESDAY, slot: '10:00' } },
      'INVALID_INPUT',
    ],
    [
      'listSlots with a bad date',
      { action: 'listSlots', data: { storeId: 'store-1', date: '03/02/2027' } },
      'INVALID_INPUT',
    ],
    ['unknown action', { action: 'drop' }, 'UNKNOWN_ACTION'],
    ['oversized event', { action: 'create', data: bookingInput({ note: 'x'.repeat(20_000) }) }, 'PAYLOAD_TOO_LARGE'],
  ])('%s → %s', async (_name, event, code) => {
    const before = clinic.counts();
    const res = await clinic.cloud.call('booking', event, 'o-bad-input');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: false, code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    expect(clinic.counts()).toEqual(before);
  });
});
