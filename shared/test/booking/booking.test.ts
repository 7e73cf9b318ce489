import fc from 'fast-check';
import {
  BOOKING_CODE_BODY_LENGTH,
  CODE_ALPHABET,
  MAX_BOOKING_DAYS_AHEAD,
  availability,
  bookableWindow,
  bookingSchema,
  outsideBookableWindow,
  repeatOfUpcoming,
  WINDOW_MESSAGES,
  ERROR_CATALOGUE,
  checkCharacter,
  generateReferralCode,
  benefitLines,
  checkSlot,
  generateBookingCode,
  gradeForBooking,
  isClosedDay,
  isPastSlot,
  minutesOf,
  parseBookingCode,
  parseSettings,
  slotKey,
  slotStartMs,
  slotsOfDay,
  timeOf,
  type RewardPolicy,
  type StoreHours,
} from '../../src';

/** 一店-like: every day 09:30–12:00 and 13:00–15:00 (split shift), capacity 2; closed Tuesdays and 2027-03-10. */
const store: StoreHours = {
  openingHours: [0, 1, 3, 4, 5, 6].flatMap((weekday) => [
    { weekday, open: '09:30', close: '12:00' },
    { weekday, open: '13:00', close: '15:00' },
  ]),
  closedDates: ['2027-03-10'],
  slotMinutes: 30,
  capacityPerSlot: 2,
};
// Monday 2027-03-01 10:05 in Shanghai.
const now = new Date('2027-03-01T02:05:00.000Z');

describe('slots from opening hours (Asia/Shanghai)', () => {
  test('time helpers', () => {
    expect(minutesOf('09:30')).toBe(570);
    expect(timeOf(570)).toBe('09:30');
    expect(slotKey('store-1', '2027-03-02', '09:30')).toBe('store-1_2027-03-02_0930');
    expect(slotStartMs('2027-03-02', '09:30')).toBe(Date.parse('2027-03-02T01:30:00.000Z'));
  });

  test('slots of a day: every slotMinutes from open while the slot ends by close, split shifts merged', () => {
    expect(slotsOfDay(store, '2027-03-01')).toEqual([
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '11:30',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
    ]);
    expect(slotsOfDay({ ...store, slotMinutes: 45 }, '2027-03-01')).toEqual([
      '09:30',
      '10:15',
      '11:00',
      '13:00',
      '13:45',
    ]);
  });

  test('closed weekdays and closed dates have no slots', () => {
    expect(isClosedDay(store, '2027-03-02')).toBe(true); // Tuesday
    expect(isClosedDay(store, '2027-03-10')).toBe(true); // closed date (a Wednesday)
    expect(isClosedDay(store, '2027-03-03')).toBe(false);
    expect(slotsOfDay(store, '2027-03-02')).toEqual([]);
  });

  test('a closed date has no slots even though its weekday has opening rows', () => {
    expect(slotsOfDay(store, '2027-03-10')).toEqual([]); // a Wednesday: rows exist, the date is closed
  });

  test("slots of a day: only that weekday's rows count, listed in any order, starts ascending", () => {
    const uneven: StoreHours = {
      ...store,
      openingHours: [
        { weekday: 1, open: '14:00', close: '15:00' },
        { weekday: 3, open: '08:00', close: '09:00' },
        { weekday: 1, open: '09:00', close: '10:00' },
      ],
      closedDates: [],
    };
    expect(slotsOfDay(uneven, '2027-03-01')).toEqual(['09:00', '09:30', '14:00', '14:30']); // Monday
    expect(slotsOfDay(uneven, '2027-03-03')).toEqual(['08:00', '08:30']); // Wednesday
  });

  test("slot check messages: the window's own wording for past and too far, the catalogue's for the rest", () => {
    const far = checkSlot(store, '2027-12-01', '09:30', now);
    expect(far).toEqual({ ok: false, code: 'DATE_TOO_FAR', message: WINDOW_MESSAGES.DATE_TOO_FAR });
    const past = checkSlot(store, '2027-03-01', '09:30', now);
    expect(past).toEqual({ ok: false, code: 'DATE_IN_PAST', message: WINDOW_MESSAGES.DATE_IN_PAST });
    const closed = checkSlot(store, '2027-03-02', '09:30', now);
    expect(closed).toEqual({ ok: false, code: 'STORE_CLOSED', message: ERROR_CATALOGUE.STORE_CLOSED });
    const full = checkSlot(store, '2027-03-03', '09:30', now, 2);
    expect(full).toEqual({ ok: false, code: 'SLOT_FULL', message: ERROR_CATALOGUE.SLOT_FULL });
  });

  test('slot check without the counter: everything but capacity, so an open slot is bookable', () => {
    expect(checkSlot(store, '2027-03-03', '09:30', now)).toEqual({ ok: true });
    expect(checkSlot(store, '2027-03-03', '09:30', now, 1)).toEqual({ ok: true });
  });

  test('a slot is past once it has started, in Shanghai time', () => {
    expect(isPastSlot('2027-03-01', '10:00', now)).toBe(true);
    expect(isPastSlot('2027-03-01', '10:30', now)).toBe(false);
    // 23:30 UTC on Feb 28 is already March 1 in Shanghai.
    expect(isPastSlot('2027-03-01', '09:30', new Date('2027-02-28T23:30:00Z'))).toBe(false);
    expect(isPastSlot('2027-03-01', '07:00', new Date('2027-02-28T23:30:00Z'))).toBe(true);
  });

  test.each([
    ['yesterday', '2027-02-28', '10:00', undefined, 'DATE_IN_PAST'],
    ['earlier today', '2027-03-01', '10:00', undefined, 'DATE_IN_PAST'],
    ['too far ahead', '2027-06-01', '10:00', undefined, 'DATE_TOO_FAR'],
    ['closed weekday', '2027-03-02', '10:00', undefined, 'STORE_CLOSED'],
    ['closed date', '2027-03-10', '10:00', undefined, 'STORE_CLOSED'],
    ['lunch break', '2027-03-03', '12:00', undefined, 'INVALID_SLOT'],
    ['off the grid', '2027-03-03', '10:15', undefined, 'INVALID_SLOT'],
    ['full', '2027-03-03', '10:00', 2, 'SLOT_FULL'],
  ])('%s (%s %s, booked %p) → %s', (_name, date, slot, booked, code) => {
    expect(checkSlot(store, date, slot, now, booked)).toEqual({
      ok: false,
      code,
      message: expect.stringMatching(/[\u4e00-\u9fa5]/),
    });
  });

  test('bookable: later today, up to the last day ahead, with places left', () => {
    expect(checkSlot(store, '2027-03-01', '10:30', now)).toEqual({ ok: true });
    expect(checkSlot(store, '2027-03-03', '14:30', now, 1)).toEqual({ ok: true });
    const last = new Date(Date.parse('2027-03-01T00:00:00+08:00') + MAX_BOOKING_DAYS_AHEAD * 86_400_000);
    const lastDate = last.toISOString().slice(0, 10);
    expect(
      checkSlot(
        {
          ...store,
          openingHours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '09:00', close: '10:00' })),
        },
        lastDate,
        '09:00',
        now,
      ),
    ).toEqual({ ok: true });
  });

  test('availability: places left per slot, 0 once started, closed days closed', () => {
    const today = availability(
      store,
      '2027-03-01',
      new Map([
        ['10:30', 1],
        ['11:00', 5],
      ]),
      now,
    );
    expect(today.closed).toBe(false);
    expect(today.slots.slice(0, 4)).toEqual([
      { slot: '09:30', available: 0 },
      { slot: '10:00', available: 0 },
      { slot: '10:30', available: 1 },
      { slot: '11:00', available: 0 },
    ]);
    expect(availability(store, '2027-03-02', new Map(), now)).toEqual({ closed: true, slots: [] });
  });
});

describe('booking codes', () => {
  test('7 characters of the unambiguous alphabet with a check character', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: CODE_ALPHABET.length - 1 }), { minLength: 6, maxLength: 6 }),
        (digits) => {
          let i = 0;
          const code = generateBookingCode(() => digits[i++] as number);
          expect(code).toHaveLength(BOOKING_CODE_BODY_LENGTH + 1);
          expect(code).not.toMatch(/[01OIL]/);
          expect(parseBookingCode(code)).toBe(code);
          expect(parseBookingCode(` ${code.toLowerCase().slice(0, 3)}-${code.slice(3)} `)).toBe(code);
          // Any single substitution is caught.
          const swapped = code.slice(0, 2) + (code[2] === 'A' ? 'B' : 'A') + code.slice(3);
          expect(parseBookingCode(swapped)).toBeNull();
        },
      ),
    );
  });

  test('wrong length or characters are not booking codes', () => {
    expect(parseBookingCode('ABCDEFGH')).toBeNull();
    expect(parseBookingCode('ABC0EFG')).toBeNull();
    expect(() => generateBookingCode(() => 31)).toThrow(new RangeError('随机数超出范围'));
    expect(() => generateBookingCode(() => -1)).toThrow(new RangeError('随机数超出范围'));
    expect(() => generateBookingCode(() => 0.5)).toThrow(RangeError);
  });
});

describe('booking codes never read a referral code or a character outside the alphabet', () => {
  test('a valid referral code (one character longer) is not a booking code', () => {
    let i = 0;
    const referral = generateReferralCode(() => [3, 9, 14, 20, 1, 7, 25][i++] as number);
    expect(referral).toHaveLength(BOOKING_CODE_BODY_LENGTH + 2);
    expect(parseBookingCode(referral)).toBeNull();
    const body = referral.slice(0, BOOKING_CODE_BODY_LENGTH);
    expect(parseBookingCode(body + checkCharacter(body))).toBe(body + checkCharacter(body));
  });

  test('a body with a character outside the alphabet is refused whatever its check character', () => {
    for (const bad of ['0', '1', 'O', 'I', 'L', '*']) {
      for (const check of CODE_ALPHABET) expect(parseBookingCode(`ABCDE${bad}${check}`)).toBeNull();
    }
  });
});

describe('grade of a booking filing (§6)', () => {
  test.each([
    ['2027-03-01', '2027-03-02', 'F1'],
    ['2027-03-01', '2027-04-01', 'F1'],
    ['2027-03-01', '2027-04-02', 'F2'],
    ['2027-03-01', '2027-06-01', 'F2'],
    ['2027-03-01', '2027-06-02', 'F3'],
  ])('filed %s, visit %s → %s', (filed, visit, grade) => {
    expect(gradeForBooking(filed, visit)).toBe(grade);
  });
});

describe('benefit lines from the reward policies (§8)', () => {
  const policies = (list: unknown[]): RewardPolicy[] =>
    parseSettings({ rewards: { policies: list as never } }).rewards.policies;

  test('default policy: a 5% rebate for both sides', () => {
    const p = parseSettings({}).rewards.policies;
    expect(benefitLines(p, 'referee')).toEqual([
      { kind: 'rebate', title: '返利金 5%', description: '您首次消费后，按实付金额的 5% 计入返利金（365 天内有效）' },
    ]);
    expect(benefitLines(p, 'referrer')[0]?.description).toBe(
      '好友首次消费后，按好友实付金额的 5% 计入返利金（365 天内有效）',
    );
  });

  test('every kind, caps, minimums, recipients and odd rates', () => {
    const p = policies([
      {
        id: 'r',
        kind: 'rebate',
        recipients: 'referrer',
        rateBp: 850,
        capPerCustomer: 100_050,
        minDealFen: 100_000,
        expiryDays: null,
      },
      { id: 'v', kind: 'gift_voucher', recipients: 'both', rateBp: 1005, capPerCustomer: 20_000 },
      { id: 'g', kind: 'physical_gift', recipients: 'referee', giftName: '口红', capPerCustomer: 1 },
      { id: 'p', kind: 'points', recipients: 'both', pointsPerYuan: 2, capPerCustomer: 5000 },
      { id: 'v2', kind: 'gift_voucher', recipients: 'referrer', rateBp: 1010 },
      { id: 'p2', kind: 'points', recipients: 'referee', pointsPerYuan: 1 },
      { id: 'g2', kind: 'physical_gift', recipients: 'referee', giftName: '加油卡' },
    ]);
    const referrer = benefitLines(p, 'referrer');
    expect(referrer.map((l) => l.title)).toEqual([
      '返利金 8.5%',
      '产品抵扣券 10.05%',
      '积分 每元 2 分',
      '产品抵扣券 10.1%',
    ]);
    expect(referrer[0]?.description).toBe(
      '好友首次消费后，按好友实付金额的 8.5% 计入返利金（实付满 1000 元可得，每人累计最多 1000.50 元）',
    );
    const referee = benefitLines(p, 'referee');
    expect(referee.map((l) => l.kind)).toEqual(['gift_voucher', 'physical_gift', 'points', 'points', 'physical_gift']);
    expect(referee[1]?.description).toBe('您首次消费后，赠送口红（每人限 1 份）');
    expect(referee[2]?.description).toMatch(/每人累计最多 5000 分/);
    expect(referee[4]?.description).toBe('您首次消费后，赠送加油卡');
    // Every line in full: what the card and the landing page print, word for word.
    expect(referrer.slice(1).map((l) => l.description)).toEqual([
      '好友首次消费后，按好友实付金额的 10.05% 赠送产品抵扣券（365 天内有效，每人累计最多 200 元）',
      '好友首次消费后，好友实付金额每 1 元积 2 分（365 天内有效，每人累计最多 5000 分）',
      '好友首次消费后，按好友实付金额的 10.1% 赠送产品抵扣券（365 天内有效）',
    ]);
    expect(referee.map((l) => l.description)).toEqual([
      '您首次消费后，按实付金额的 10.05% 赠送产品抵扣券（365 天内有效，每人累计最多 200 元）',
      '您首次消费后，赠送口红（每人限 1 份）',
      '您首次消费后，实付金额每 1 元积 2 分（365 天内有效，每人累计最多 5000 分）',
      '您首次消费后，实付金额每 1 元积 1 分（365 天内有效）',
      '您首次消费后，赠送加油卡',
    ]);
  });

  test('a physical gift carries what it is worth when the policy says; other kinds and unpriced gifts never', () => {
    const p = policies([
      { id: 'g', kind: 'physical_gift', recipients: 'referee', giftName: '口红', giftValueFen: 19_900 },
      { id: 'g0', kind: 'physical_gift', recipients: 'referee', giftName: '小样' },
      { id: 'r', kind: 'rebate', recipients: 'referee', rateBp: 500 },
    ]);
    const [gift, unpriced, rebate] = benefitLines(p, 'referee');
    expect(gift).toMatchObject({ title: '礼品：口红', valueFen: 19_900 });
    expect(unpriced).not.toHaveProperty('valueFen');
    expect(rebate).not.toHaveProperty('valueFen');
  });

  test('long texts are clipped to the contract’s limits; a gift without a name still reads', () => {
    const long = policies([{ id: 'g', kind: 'physical_gift', recipients: 'both', giftName: '礼'.repeat(40) }]);
    const [line] = benefitLines(long, 'referee');
    expect(Array.from(line?.title ?? '').length).toBeLessThanOrEqual(40);
    expect(line?.title.endsWith('…')).toBe(true);
    const nameless = benefitLines([{ ...(long[0] as RewardPolicy), giftName: undefined }], 'referrer');
    expect(nameless[0]?.title).toBe('礼品：实物礼品');
  });
});

describe('the bookable window (one rule for the calendar, the slot list and the slot check)', () => {
  test('booking window: today through today + MAX_BOOKING_DAYS_AHEAD, both included', () => {
    expect(bookableWindow('2027-03-01')).toEqual({ first: '2027-03-01', last: '2027-05-30' });
    expect(outsideBookableWindow('2027-02-28', '2027-03-01')).toBe('DATE_IN_PAST');
    expect(outsideBookableWindow('2027-03-01', '2027-03-01')).toBeUndefined();
    expect(outsideBookableWindow('2027-05-30', '2027-03-01')).toBeUndefined();
    expect(outsideBookableWindow('2027-05-31', '2027-03-01')).toBe('DATE_TOO_FAR');
    expect(WINDOW_MESSAGES.DATE_TOO_FAR).toContain(String(MAX_BOOKING_DAYS_AHEAD));
  });

  test('repeat booking: only its own WeChat user gets an upcoming booking back', () => {
    const upcoming = bookingSchema.parse({
      id: 'B1',
      chainId: 'c1',
      storeId: 's1',
      productId: 'p1',
      customerId: 'cu1',
      openid: 'o-owner',
      name: '林小雨',
      phone: '13900001111',
      date: '2027-03-02',
      slot: '10:00',
      status: 'booked',
      consentVersion: 'v1',
      createdAt: '2027-03-01T01:00:00.000Z',
      updatedAt: '2027-03-01T01:00:00.000Z',
    });
    const now = new Date('2027-03-01T09:00:00+08:00');
    expect(repeatOfUpcoming(upcoming, 'o-owner', now)).toBe('own');
    expect(repeatOfUpcoming(upcoming, 'o-stranger', now)).toBe('someone_else');
    expect(repeatOfUpcoming(null, 'o-owner', now)).toBe('none');
    expect(repeatOfUpcoming({ ...upcoming, status: 'cancelled' }, 'o-stranger', now)).toBe('none');
    // Once the slot has started the booking is no longer upcoming.
    expect(repeatOfUpcoming(upcoming, 'o-stranger', new Date('2027-03-02T10:00:00+08:00'))).toBe('none');
  });
});
