/**
 * The demo clinic: a two-store chain with the products of seed 004's tables, staff for every post
 * and department, ~360 old customers and their treatment history (deals) over the last two years.
 *
 * Deterministic: one fixed-seed PRNG (mulberry32) and dates relative to `now`, so every first start
 * produces the same clinic relative to its clock. Every document is `{ _id, ...entity }` where
 * `_id === entity.id` and the entity parses with its schema of `@clinic/shared` (settings: the
 * chain's `ClinicSettings`, `_id` = chain id).
 */
import { COLLECTIONS as ALL_COLLECTIONS } from '../../../../cloudfunctions/data/collections';
import type { DayRollupDoc } from '../../../../cloudfunctions/data/rollups';
import {
  addDays,
  addMonths,
  emptyRollup,
  mergeRollup,
  type AttributionRecord,
  type Booking,
  type Filing,
  type Rollup,
  type RewardLedgerEntry,
  type Visit,
  localDate,
  parseSettings,
  weekday,
  withDayOfMonth,
  type ClinicSettings,
  type Customer,
  type Deal,
  type Department,
  type LocalDate,
  type Product,
  type ProductCategory,
  type Staff,
  type StaffPost,
  type StarLevel,
  type Store,
} from '@clinic/shared';
import {
  DEMO_CHAIN_ID,
  DEMO_CUSTOMERS,
  DEMO_NEWCOMERS,
  DEMO_STAFF,
  type DemoGoldenWindowId,
  type DemoStoreId,
} from './demo-identities';
import type { DemoImageIds } from './demo-images';
import { buildReferralHistory } from './demo-referral-history';
import { buildDayRollups } from './demo-rollups';
import { buildDemoTargets } from './demo-targets';
import type { Referral } from './history-writes';
import { Registry } from './people-registry';
import { Rng } from './rng';
import { SPRING_FESTIVALS } from './store-calendar';

/** Collection names (entities.ts names none; these are the ones the functions read). */
/** The collections the seed fills, named from the one list that setup creates (cloudfunctions/data). */
export const COLLECTIONS = {
  settings: ALL_COLLECTIONS.settings,
  stores: ALL_COLLECTIONS.stores,
  products: ALL_COLLECTIONS.products,
  staff: ALL_COLLECTIONS.staff,
  customers: ALL_COLLECTIONS.customers,
  deals: ALL_COLLECTIONS.deals,
  // The referral history of the last ten weeks (demo-referral-history.ts).
  filings: ALL_COLLECTIONS.filings,
  attributions: ALL_COLLECTIONS.attributions,
  persons: ALL_COLLECTIONS.persons,
  bookings: ALL_COLLECTIONS.bookings,
  slotCounters: ALL_COLLECTIONS.slotCounters,
  visits: ALL_COLLECTIONS.visits,
  referrals: ALL_COLLECTIONS.referrals,
  rewardLedger: ALL_COLLECTIONS.rewardLedger,
  referralCards: ALL_COLLECTIONS.referralCards,
  referralCardHolders: ALL_COLLECTIONS.referralCardHolders,
  // The reports' day roll-ups of the seeded records, and this month's targets.
  dayRollups: ALL_COLLECTIONS.dayRollups,
  rollupMarks: ALL_COLLECTIONS.rollupMarks,
  staffTargets: ALL_COLLECTIONS.staffTargets,
} as const;
export type SeedCollection = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

export const DEMO_SEED = 0x5eed_2024;
/** The referral history draws from its own generator: the clinic above it stays as it was. */
export const DEMO_HISTORY_SEED = 0x5eed_2025;
export const DEMO_CUSTOMER_COUNT = 360;
/** Treatment history reaches back this many days from `now`. */
export const HISTORY_DAYS = 730;

export interface DemoClinic {
  collections: Record<string, Record<string, unknown>[]>;
}

// ---------------------------------------------------------------------------------------------
// Reference data

interface ProductSpec {
  id: string;
  name: string;
  category: ProductCategory;
  priceYuan: number;
  durationMinutes: number;
  /** Only at these stores (surgery and orthodontics need 一店's operating rooms). */
  storeIds: DemoStoreId[];
  /** Relative frequency in the treatment history: the seed's appointment counts. */
  weight: number;
  /** Packages with a next session (§5: 2nd/3rd session of a package). */
  recurring: boolean;
}

/** The products of seed 004's tables (names exactly as in the seed), plus 紧肤 of its themed events (§7). */
const PRODUCTS: readonly ProductSpec[] = [
  {
    id: 'product-eyes',
    name: '眼部整形',
    category: 'eyes',
    priceYuan: 6800,
    durationMinutes: 90,
    storeIds: [],
    weight: 1360,
    recurring: false,
  },
  {
    id: 'product-botulinum',
    name: '肉毒素',
    category: 'botulinum',
    priceYuan: 2980,
    durationMinutes: 30,
    storeIds: [],
    weight: 896,
    recurring: true,
  },
  {
    id: 'product-spot-removal',
    name: '美肤祛斑',
    category: 'spot_removal',
    priceYuan: 1980,
    durationMinutes: 45,
    storeIds: [],
    weight: 456,
    recurring: true,
  },
  {
    id: 'product-nose',
    name: '鼻部整形',
    category: 'nose',
    priceYuan: 18800,
    durationMinutes: 120,
    storeIds: [],
    weight: 314,
    recurring: false,
  },
  {
    id: 'product-hyaluronic-acid',
    name: '玻尿酸',
    category: 'hyaluronic_acid',
    priceYuan: 3880,
    durationMinutes: 30,
    storeIds: [],
    weight: 279,
    recurring: true,
  },
  {
    id: 'product-scar',
    name: '疤痕修复',
    category: 'scar',
    priceYuan: 2580,
    durationMinutes: 60,
    storeIds: [],
    weight: 157,
    recurring: true,
  },
  {
    id: 'product-breast',
    name: '胸部整形',
    category: 'breast',
    priceYuan: 38800,
    durationMinutes: 180,
    storeIds: ['store-1'],
    weight: 115,
    recurring: false,
  },
  {
    id: 'product-rejuvenation',
    name: '嫩肤保养',
    category: 'rejuvenation',
    priceYuan: 980,
    durationMinutes: 60,
    storeIds: [],
    weight: 562,
    recurring: true,
  },
  {
    id: 'product-fat-grafting',
    name: '自体脂肪',
    category: 'fat_grafting',
    priceYuan: 16800,
    durationMinutes: 150,
    storeIds: ['store-1'],
    weight: 73,
    recurring: false,
  },
  {
    id: 'product-orthodontics',
    name: '口腔正畸',
    category: 'orthodontics',
    priceYuan: 25800,
    durationMinutes: 60,
    storeIds: ['store-1'],
    weight: 119,
    recurring: true,
  },
  {
    id: 'product-permanent-filler',
    name: '永久性材料',
    category: 'other',
    priceYuan: 12800,
    durationMinutes: 60,
    storeIds: [],
    weight: 91,
    recurring: false,
  },
  {
    id: 'product-tightening',
    name: '紧肤抗衰',
    category: 'tightening',
    priceYuan: 8800,
    durationMinutes: 90,
    storeIds: [],
    weight: 150,
    recurring: true,
  },
];

interface StaffSpec {
  id: string;
  name: string;
  storeId: DemoStoreId;
  post: StaffPost;
  department: Department;
}

/** The rest of the team (the demo staff of DEMO_STAFF join them). */
const OTHER_STAFF: readonly StaffSpec[] = [
  { id: 'staff-s1-consultant-2', name: '何雪', storeId: 'store-1', post: 'consultant', department: 'consulting' },
  { id: 'staff-s1-membership-1', name: '吴倩', storeId: 'store-1', post: 'membership_centre', department: 'cs3' },
  { id: 'staff-s1-call-1', name: '郑洁', storeId: 'store-1', post: 'call_centre', department: 'cs4' },
  { id: 'staff-s1-assistant-1', name: '黄蕾', storeId: 'store-1', post: 'doctor_assistant', department: 'medical' },
  { id: 'staff-s1-technician-1', name: '马丽娟', storeId: 'store-1', post: 'technician', department: 'medical' },
  { id: 'staff-s1-butler-2', name: '罗佳怡', storeId: 'store-1', post: 'butler_service', department: 'cs2' },
  { id: 'staff-s2-consultant-1', name: '周蓉', storeId: 'store-2', post: 'consultant', department: 'cs2' },
  { id: 'staff-s2-consultant-2', name: '谢婉清', storeId: 'store-2', post: 'consultant', department: 'consulting' },
  { id: 'staff-s2-butler-1', name: '钱瑶', storeId: 'store-2', post: 'butler_service', department: 'cs2' },
  { id: 'staff-s2-onsite-1', name: '冯琳', storeId: 'store-2', post: 'onsite_service', department: 'cs3' },
  { id: 'staff-s2-followup-1', name: '尤佳', storeId: 'store-2', post: 'call_centre', department: 'cs4_followup' },
  { id: 'staff-s2-nurse-1', name: '邓丹', storeId: 'store-2', post: 'nurse', department: 'medical' },
];

/** Departments that own old customers (§1). */
const OWNING_DEPARTMENTS: readonly Department[] = ['cs2', 'cs3', 'cs4'];

// ---------------------------------------------------------------------------------------------
// Helpers

type Doc = Record<string, unknown>;

function withId<T extends { id: string }>(entity: T): Doc {
  return { _id: entity.id, ...entity };
}

function instant(date: LocalDate, hour: number, minute: number): string {
  return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`;
}

function yuanToFen(yuan: number): number {
  return Math.round(yuan) * 100;
}

// ---------------------------------------------------------------------------------------------
// Builders

/** Only what storage holds: a seed without storage leaves the pictures out. */
const photo = (id: string | undefined) => (id ? { photoFileId: id } : {});

function buildSettings(images: DemoImageIds): ClinicSettings {
  return parseSettings({
    // Kunming's 5% rebate for both sides (seed 004 §六), plus a lipstick for the referrer's first success.
    rewards: {
      policies: [
        { id: 'rebate', kind: 'rebate', recipients: 'both', rateBp: 500, expiryDays: 365 },
        {
          id: 'lipstick',
          kind: 'physical_gift',
          recipients: 'referrer',
          giftName: '口红',
          giftValueFen: 32_000,
          capPerCustomer: 1,
        },
      ],
    },
    // What the invitation shows friends. Demo values: the licence and certificate numbers are made up.
    clinicProfile: {
      institutionName: '昆明悦美医疗美容门诊部',
      licenceNumber: 'PDY80317253010217D1492',
      doctors: [
        {
          name: '李静怡',
          title: '主任医师',
          licenceNumber: '110530100031288',
          specialties: '眼鼻整形、面部轮廓，从业 18 年',
          ...photo(images['doctor-1']),
        },
        {
          name: '周明哲',
          title: '副主任医师',
          licenceNumber: '110530100045672',
          specialties: '注射美容（肉毒素、玻尿酸）',
          ...photo(images['doctor-2']),
        },
        {
          name: '陈雨桐',
          title: '主治医师',
          licenceNumber: '110530100052907',
          specialties: '激光美肤、祛斑与疤痕修复',
          ...photo(images['doctor-3']),
        },
      ],
    },
    // §4: the referral commission is set above the other channels'.
    commissionBpByChannel: { referral: 300 },
    defaultCommissionBp: 200,
  });
}

function upcomingClosures(today: LocalDate): LocalDate[] {
  const festival = SPRING_FESTIVALS.find((d) => addDays(d, 2) >= today);
  if (!festival || festival > addDays(today, 400)) return [];
  return [-1, 0, 1, 2].map((offset) => addDays(festival, offset)).filter((d) => d >= today);
}

function buildStores(today: LocalDate, images: DemoImageIds): Store[] {
  const festival = upcomingClosures(today);
  // 一店 trains its whole team on the 15th of next month.
  const trainingDay = withDayOfMonth(addMonths(today, 1), 15);
  const store1: Store = {
    id: 'store-1',
    chainId: DEMO_CHAIN_ID,
    name: '悦美医疗美容 · 一店',
    address: '云南省昆明市五华区东风西路 168 号悦美大厦 1–3 层',
    phone: '0871-65123456',
    location: { latitude: 25.0406, longitude: 102.7046 },
    photoFileIds: [images['store-1-front'], images['store-1-lobby']].filter((id): id is string => !!id),
    visitNotes: [
      '大厦东门进入，电梯直达 2 层前台',
      '地下停车场 B2，到院登记可免费停车 2 小时',
      '请携带本人身份证，到院后出示预约码签到',
    ],
    openingHours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ weekday: day, open: '09:30', close: '20:00' })),
    closedDates: [...new Set([...festival, trainingDay])].sort(),
    slotMinutes: 30,
    capacityPerSlot: 3,
    active: true,
  };
  // 二店 closes every Tuesday and keeps shorter hours at the weekend.
  const store2: Store = {
    id: 'store-2',
    chainId: DEMO_CHAIN_ID,
    name: '悦美医疗美容 · 二店',
    address: '云南省昆明市西山区滇池路 569 号滇池星城 2 层',
    phone: '0871-64387890',
    location: { latitude: 24.9978, longitude: 102.6869 },
    photoFileIds: [images['store-2-front'], images['store-2-lobby']].filter((id): id is string => !!id),
    visitNotes: ['滇池星城 2 层，扶梯上楼右转', '请携带本人身份证，到院后出示预约码签到'],
    openingHours: [
      { weekday: 1, open: '09:30', close: '20:00' },
      { weekday: 3, open: '09:30', close: '20:00' },
      { weekday: 4, open: '09:30', close: '20:00' },
      { weekday: 5, open: '09:30', close: '20:00' },
      { weekday: 6, open: '10:00', close: '18:00' },
      { weekday: 0, open: '10:00', close: '18:00' },
    ],
    closedDates: festival,
    slotMinutes: 30,
    capacityPerSlot: 2,
    active: true,
  };
  return [store1, store2];
}

function buildProducts(): Product[] {
  return PRODUCTS.map((p) => ({
    id: p.id,
    chainId: DEMO_CHAIN_ID,
    name: p.name,
    category: p.category,
    priceFen: yuanToFen(p.priceYuan),
    durationMinutes: p.durationMinutes,
    storeIds: [...p.storeIds],
    active: true,
  }));
}

/** The 企业微信 member ids of the whole demo team (each colleague's is their staff id). */
export const demoWeComUserIds = (): string[] => [...DEMO_STAFF, ...OTHER_STAFF].map((s) => s.id);

function buildStaff(registry: Registry): Staff[] {
  // Phones are drawn in this order (demo staff first), which keeps the seed deterministic.
  const toStaff = (s: StaffSpec & { managerKind?: Staff['managerKind'] }, openid: string): Staff => ({
    id: s.id,
    chainId: DEMO_CHAIN_ID,
    storeId: s.storeId,
    name: s.name,
    post: s.post,
    department: s.department,
    phone: registry.phone(),
    openid,
    // Every demo colleague is a member of the demo 企业微信 corp (src/dev/wecom.ts).
    wecomUserId: s.id,
    ...(s.managerKind ? { managerKind: s.managerKind } : {}),
    // The demo clinic's general manager also sets it up (invites, settings).
    ...(s.managerKind === 'general_manager' ? { admin: true } : {}),
    active: true,
  });
  const demo = DEMO_STAFF.map((s) => toStaff(s, s.openid));
  const others = OTHER_STAFF.map((s, i) => toStaff(s, `staff-openid-${String(i + 1).padStart(3, '0')}`));
  const all = [...demo, ...others];
  return all.sort((a, b) => (a.storeId === b.storeId ? 0 : a.storeId < b.storeId ? -1 : 1));
}

interface CustomerPlan {
  id: string;
  name: string;
  storeId: DemoStoreId;
  starLevel: StarLevel;
  satisfaction: 1 | 2 | 3 | 4 | 5;
  segment: Customer['segment'];
  hasReferred: boolean;
  daysSinceLast: number;
  ownerStaffId: string;
  ownerDepartment: Department;
  openids: string[];
  lastProductId?: string;
}

/** Days since the last treatment that fall inside each golden-time window with room to spare. */
const WINDOW_DAYS: Record<DemoGoldenWindowId, readonly [number, number]> = {
  peak: [1, 85], // months 1–3: fewer than 3 whole months (≥ 89 days) have passed
  golden: [95, 300], // months 4–11: 3 to 10 whole months (≤ 92 … ≥ 303 days)
  late: [340, 720], // month 12 on: at least 11 whole months (≤ 337 days)
};

const STAR_WEIGHTS: readonly (readonly [StarLevel, number])[] = [
  [1, 30],
  [2, 25],
  [3, 20],
  [4, 15],
  [5, 10],
];

function planCustomers(rng: Rng, registry: Registry, staff: Staff[]): CustomerPlan[] {
  const staffByOpenid = new Map(staff.filter((s) => s.openid).map((s) => [s.openid as string, s]));
  const owners = (storeId: string) =>
    staff.filter((s) => s.storeId === storeId && !s.managerKind && OWNING_DEPARTMENTS.includes(s.department));

  const plans: CustomerPlan[] = DEMO_CUSTOMERS.map((c) => {
    const owner = staffByOpenid.get(c.ownerOpenid);
    if (!owner) throw new Error(`demo owner ${c.ownerOpenid} is not on the staff`);
    return {
      id: c.id,
      name: c.name,
      storeId: c.storeId,
      starLevel: c.starLevel,
      satisfaction: c.satisfaction,
      segment: c.segment,
      hasReferred: c.hasReferred,
      daysSinceLast: c.daysSinceLastTreatment,
      ownerStaffId: owner.id,
      ownerDepartment: owner.department,
      openids: [c.openid],
      lastProductId: c.lastProductId,
    };
  });

  for (let n = plans.length + 1; n <= DEMO_CUSTOMER_COUNT; n++) {
    const storeId: DemoStoreId = rng.chance(0.6) ? 'store-1' : 'store-2';
    const starLevel = rng.weighted(STAR_WEIGHTS);
    // Satisfaction leans on the star level: loyal, high-value customers are mostly satisfied.
    // A few are unhappy whatever their level (complaints, complications).
    const satisfaction = (
      rng.chance(0.05)
        ? rng.int(1, 2)
        : Math.min(5, Math.max(1, Math.round(2.4 + starLevel * 0.45 + (rng.float() - 0.5) * 2.4)))
    ) as 1 | 2 | 3 | 4 | 5;
    const referP = 0.04 + starLevel * 0.06 + (satisfaction >= 4 ? 0.12 : 0);
    const segment: Customer['segment'] = rng.chance(0.08)
      ? 'bargain'
      : starLevel === 5
        ? 'vip'
        : starLevel === 4
          ? 'important'
          : satisfaction === 5
            ? 'high_satisfaction'
            : 'general';
    const window = rng.weighted<DemoGoldenWindowId>([
      ['peak', 30],
      ['golden', 35],
      ['late', 35],
    ]);
    const [lo, hi] = WINDOW_DAYS[window];
    const owner = rng.pick(owners(storeId));
    plans.push({
      id: `cust-${String(n).padStart(4, '0')}`,
      name: registry.name(),
      storeId,
      starLevel,
      satisfaction,
      segment,
      hasReferred: rng.chance(referP),
      daysSinceLast: rng.int(lo, hi),
      ownerStaffId: owner.id,
      ownerDepartment: owner.department,
      openids: [],
    });
  }
  return plans;
}

function isOpenWeekday(storeId: DemoStoreId, date: LocalDate): boolean {
  return !(storeId === 'store-2' && weekday(date) === 2);
}

function buildCustomersAndDeals(
  rng: Rng,
  registry: Registry,
  staff: Staff[],
  today: LocalDate,
): { customers: Customer[]; deals: Deal[] } {
  const plans = planCustomers(rng, registry, staff);
  const customers: Customer[] = [];
  const deals: Deal[] = [];
  const productsAt = (storeId: DemoStoreId) =>
    PRODUCTS.filter((p) => p.storeIds.length === 0 || p.storeIds.includes(storeId));
  const treaters = (storeId: string, skin: boolean) =>
    staff.filter(
      (s) => s.storeId === storeId && !s.managerKind && (s.post === 'consultant' || (skin && s.post === 'technician')),
    );

  for (const plan of plans) {
    const phone = registry.phone();
    // Dates of treatment, newest first: the last one places the customer in their golden window.
    const count = Math.max(1, Math.min(8, rng.int(1, 2) + Math.floor(plan.starLevel * rng.float() * 1.4)));
    const daysAgo: number[] = [plan.daysSinceLast];
    for (let i = 1; i < count; i++) {
      const from = plan.daysSinceLast + 14;
      if (from >= HISTORY_DAYS) break;
      daysAgo.push(rng.int(from, HISTORY_DAYS));
    }
    const dates = daysAgo
      .map((d) => {
        let date = addDays(today, -d);
        // 二店 is closed on Tuesdays: the treatment took place the day before.
        if (!isOpenWeekday(plan.storeId, date)) date = addDays(date, -1);
        return date;
      })
      .sort();
    const available = productsAt(plan.storeId);
    // Higher stars spend on the bigger projects.
    const weightsFor = available.map((p) => [p, p.weight * (p.priceYuan > 10_000 ? plan.starLevel : 1)] as const);

    let lastProduct: ProductSpec | undefined;
    dates.forEach((date, i) => {
      const fixed = i === dates.length - 1 ? available.find((p) => p.id === plan.lastProductId) : undefined;
      const product = fixed ?? rng.weighted(weightsFor);
      lastProduct = product;
      const staffMember = rng.pick(treaters(plan.storeId, product.priceYuan < 3000));
      // Within ±15% of the list price, in whole tens of yuan.
      const amountFen = yuanToFen(Math.round((product.priceYuan * (0.85 + rng.float() * 0.3)) / 10) * 10);
      const discount = rng.chance(0.35) ? yuanToFen((amountFen / 100) * rng.float() * 0.1) : 0;
      deals.push({
        id: `deal-${plan.id.slice(5)}-${i + 1}`,
        chainId: DEMO_CHAIN_ID,
        storeId: plan.storeId,
        customerId: plan.id,
        productId: product.id,
        at: instant(date, rng.int(10, 17), rng.pick([0, 15, 30, 45])),
        amountFen,
        paidFen: Math.max(0, amountFen - discount),
        staffId: staffMember.id,
        department: staffMember.department,
      });
    });

    const first = dates[0] as LocalDate;
    const last = dates[dates.length - 1] as LocalDate;
    const filed = addDays(first, -rng.int(0, 21));
    const nextTreatment =
      lastProduct?.recurring && plan.daysSinceLast < 200 && rng.chance(0.6)
        ? addDays(today, rng.int(3, 45))
        : undefined;
    customers.push({
      id: plan.id,
      chainId: DEMO_CHAIN_ID,
      storeId: plan.storeId,
      name: plan.name,
      phone,
      openids: plan.openids,
      kind: 'existing',
      starLevel: plan.starLevel,
      satisfaction: plan.satisfaction,
      segment: plan.segment,
      ownerStaffId: plan.ownerStaffId,
      ownerDepartment: plan.ownerDepartment,
      lastTreatmentDate: last,
      ...(nextTreatment ? { nextTreatmentDate: nextTreatment } : {}),
      hasReferred: plan.hasReferred,
      source: 'crm_import',
      // Filed (imported from the CRM) before the first treatment of that day.
      createdAt: instant(filed, 9, rng.int(30, 59)),
    });
  }
  return { customers, deals };
}

/**
 * Builds the whole demo clinic for a clock reading `now`. Pure and deterministic; `images` are the
 * fileIDs of the pictures already in storage (seedDemoImages), none by default.
 */
export function buildDemoClinic(now: Date, images: DemoImageIds = {}): DemoClinic {
  const today = localDate(now);
  const rng = new Rng(DEMO_SEED);
  const registry = new Registry(rng);
  // Names of the demo people are taken; generated customers get other names.
  for (const person of [...DEMO_STAFF, ...OTHER_STAFF, ...DEMO_CUSTOMERS, ...DEMO_NEWCOMERS])
    registry.names.add(person.name);

  const stores = buildStores(today, images);
  const products = buildProducts();
  const staff = buildStaff(registry);
  const imported = buildCustomersAndDeals(rng, registry, staff, today);
  const settings = buildSettings(images);
  const historyRng = new Rng(DEMO_HISTORY_SEED);
  const history = buildReferralHistory({
    now,
    chainId: DEMO_CHAIN_ID,
    settings,
    stores,
    products,
    staff,
    customers: imported.customers,
    deals: imported.deals,
    registry: registry.withRng(historyRng),
    rng: historyRng,
  });
  const customers = history.customers;
  const deals = [...imported.deals, ...history.deals];
  const h = history.collections;
  const { dayRollups, rollupMarks } = buildDayRollups(
    DEMO_CHAIN_ID,
    {
      customers,
      deals,
      filings: h.filings as Filing[],
      attributions: new Map((h.attributions as (AttributionRecord & Doc)[]).map((a) => [a.customerId, a])),
      bookings: h.bookings as Booking[],
      visits: h.visits as Visit[],
      referrals: new Map((h.referrals as (Referral & Doc)[]).map((r) => [r.refereeCustomerId, r])),
      ledger: h.rewardLedger as RewardLedgerEntry[],
    },
    now,
  );
  const chainDays = new Map<string, Rollup>();
  for (const doc of dayRollups as unknown as DayRollupDoc[]) {
    chainDays.set(doc.date, mergeRollup(chainDays.get(doc.date) ?? emptyRollup(), doc.rollup));
  }

  return {
    collections: {
      [COLLECTIONS.settings]: [{ _id: DEMO_CHAIN_ID, ...settings }],
      [COLLECTIONS.stores]: stores.map(withId),
      [COLLECTIONS.products]: products.map(withId),
      [COLLECTIONS.staff]: staff.map(withId),
      [COLLECTIONS.customers]: customers.map(withId),
      [COLLECTIONS.deals]: deals.map(withId),
      ...h,
      [COLLECTIONS.dayRollups]: dayRollups,
      [COLLECTIONS.rollupMarks]: rollupMarks,
      [COLLECTIONS.staffTargets]: buildDemoTargets(chainDays, staff, now),
    },
  };
}
