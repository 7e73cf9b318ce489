/** Contract-shaped data for the page tests. Monday 2026-11-23 10:00 in Shanghai is "now". */
export const NOW = Date.parse('2026-11-23T10:00:00+08:00');
export const TODAY = '2026-11-23';
export const TOMORROW = '2026-11-24';

/** Freezes Date (only Date: timers stay real so waitFor keeps working). */
export function freezeClock(at: number = NOW): void {
  jest.useFakeTimers({
    now: at,
    doNotFake: [
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'setImmediate',
      'clearImmediate',
      'queueMicrotask',
      'nextTick',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'performance',
      'hrtime',
    ],
  });
}

const everyDay = (open: string, close: string) => [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open, close }));

export const STORES = [
  {
    id: 'store-1',
    name: '悦美一店',
    address: '昆明市五华区青年路 1 号',
    phone: '0871-65123456',
    location: { latitude: 25.0406, longitude: 102.7046 },
    visitNotes: ['地下停车场 B2', '请携带本人身份证'],
    openingHours: everyDay('09:30', '20:00'),
    closedDates: ['2026-11-26'],
  },
  {
    id: 'store-2',
    name: '悦美二店',
    address: '昆明市西山区滇池路 2 号',
    visitNotes: [],
    // Closed on Tuesdays (weekday 2).
    openingHours: [0, 1, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '10:00', close: '18:00' })),
    closedDates: [],
  },
];

export const PRODUCTS = [
  { id: 'product-eyes', name: '双眼皮', category: 'eyes', priceFen: 680000, durationMinutes: 90 },
  { id: 'product-hyaluronic-acid', name: '玻尿酸填充', category: 'hyaluronic_acid', durationMinutes: 30 },
];

export function slotsOf(date: string, full: string[] = []) {
  return {
    date,
    closed: false,
    slots: ['09:30', '10:00', '10:30', '14:00', '19:00'].map((slot) => ({
      slot,
      available: full.includes(slot) ? 0 : 2,
    })),
  };
}

export const BOOKING = {
  id: 'K7M3Q9A',
  storeId: 'store-1',
  storeName: '悦美一店',
  productId: 'product-eyes',
  productName: '双眼皮',
  date: '2026-11-25',
  slot: '14:00',
  status: 'booked',
  maskedPhone: '139****8000',
  referred: true,
  bookingCode: 'K7M3Q9A',
};

export const CARD = {
  code: '34MJW8AR',
  scene: 'r=34MJW8AR',
  issuedAt: '2026-11-23T02:00:00.000Z',
  qrUrl: 'http://127.0.0.1:10086/local-files/referral-cards/34MJW8AR.png',
  sharePath: 'pages/landing/index?code=34MJW8AR',
  referrerBenefits: [
    { kind: 'rebate', title: '返利金 5%', description: '好友首次消费后，按好友实付金额的 5% 计入返利金' },
  ],
  refereeBenefits: [{ kind: 'rebate', title: '返利金 5%', description: '您首次消费后，按实付金额的 5% 计入返利金' }],
};
