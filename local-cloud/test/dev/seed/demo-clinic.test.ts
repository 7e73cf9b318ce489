import {
  CANONICAL_PHONE_RE,
  DEFAULT_GOLDEN_WINDOWS,
  STAFF_POSTS,
  clinicSettingsSchema,
  customerSchema,
  dealSchema,
  localDate,
  monthsBetween,
  normalizePhone,
  attributionRecordSchema,
  bookingSchema,
  filingSchema,
  productSchema,
  referralCardSchema,
  rewardLedgerEntrySchema,
  staffSchema,
  storeSchema,
  visitSchema,
  weekday,
  type StaffPost,
} from '@clinic/shared';
import type { z } from 'zod/mini';
import { COLLECTIONS, DEMO_CUSTOMER_COUNT, HISTORY_DAYS, buildDemoClinic } from '../../../src/dev/seed/demo-clinic';
import {
  DEMO_CHAIN_ID,
  DEMO_CUSTOMERS,
  DEMO_IDENTITIES,
  DEMO_NEWCOMERS,
  DEMO_OPENID_RE,
  DEMO_STAFF,
} from '../../../src/dev/seed/demo-identities';

const NOW = new Date('2025-06-18T02:30:00Z'); // 10:30 in Shanghai
const TODAY = localDate(NOW);

type Doc = Record<string, unknown>;
const clinic = buildDemoClinic(NOW);
const coll = (name: string): Doc[] => clinic.collections[name] ?? [];
const stores = coll(COLLECTIONS.stores);
const products = coll(COLLECTIONS.products);
const staff = coll(COLLECTIONS.staff);
const allCustomers = coll(COLLECTIONS.customers);
/** The old customers imported from the CRM, and their treatment history (the referral history is apart). */
const customers = allCustomers.filter((c) => c.source === 'crm_import');
const imported = new Set(customers.map((c) => c._id));
const deals = coll(COLLECTIONS.deals).filter((d) => imported.has(d.customerId));

const SCHEMAS: Record<string, z.ZodMiniType> = {
  [COLLECTIONS.stores]: storeSchema,
  [COLLECTIONS.products]: productSchema,
  [COLLECTIONS.staff]: staffSchema,
  [COLLECTIONS.customers]: customerSchema,
  [COLLECTIONS.deals]: dealSchema,
  [COLLECTIONS.filings]: filingSchema,
  [COLLECTIONS.bookings]: bookingSchema,
  [COLLECTIONS.visits]: visitSchema,
  [COLLECTIONS.rewardLedger]: rewardLedgerEntrySchema,
};

/** Entities stored under another key than an `id` field (as the functions store them). */
const KEYED_SCHEMAS: Record<string, [z.ZodMiniType, string]> = {
  [COLLECTIONS.attributions]: [attributionRecordSchema, 'customerId'],
  [COLLECTIONS.referralCards]: [referralCardSchema, 'code'],
};

function withoutId(doc: Doc): Doc {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}

/** Golden-time month: month 1 starts on the treatment date (shared/golden-time). */
function windowOf(lastTreatmentDate: string, today: string): string | undefined {
  const month = monthsBetween(lastTreatmentDate, today) + 1;
  return DEFAULT_GOLDEN_WINDOWS.find((w) => month >= w.fromMonth && (w.toMonth === null || month <= w.toMonth))?.id;
}

describe('buildDemoClinic', () => {
  it('is deterministic: two builds for the same now are deep-equal', () => {
    expect(buildDemoClinic(new Date(NOW.getTime()))).toEqual(clinic);
  });

  it('moves with the clock: the same clinic, dates relative to now', () => {
    const later = buildDemoClinic(new Date('2026-01-10T04:00:00Z'));
    // The imported clinic; the recent history follows the calendar (open days, slots) and may differ.
    const laterCustomers = (later.collections[COLLECTIONS.customers] ?? []).filter((c) => c.source === 'crm_import');
    expect(laterCustomers.map((c) => c.name)).toEqual(customers.map((c) => c.name));
    expect(laterCustomers.map((c) => c.phone)).toEqual(customers.map((c) => c.phone));
    expect(laterCustomers[0]?.lastTreatmentDate).not.toEqual(customers[0]?.lastTreatmentDate);
  });

  it('uses the expected collections', () => {
    expect(Object.keys(clinic.collections).sort()).toEqual(Object.values(COLLECTIONS).sort());
  });

  it.each(Object.keys(SCHEMAS))('every %s document parses with its entity schema, complete and unchanged', (name) => {
    const schema = SCHEMAS[name] as z.ZodMiniType;
    const docs = coll(name);
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs) {
      expect(typeof doc._id).toBe('string');
      expect(doc._id).toBe(doc.id);
      const entity = withoutId(doc);
      const parsed = schema.safeParse(entity);
      if (!parsed.success) throw new Error(`${name}/${String(doc._id)}: ${parsed.error.message}`);
      // Nothing left to defaults: what is stored is what the functions will read.
      expect(parsed.data).toEqual(entity);
    }
  });

  it.each(Object.keys(KEYED_SCHEMAS))('every %s document parses with its entity schema under its key', (name) => {
    const [schema, key] = KEYED_SCHEMAS[name] as [z.ZodMiniType, string];
    const docs = coll(name);
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs) {
      expect(doc._id).toBe(doc[key]);
      const entity = withoutId(doc);
      const parsed = schema.safeParse(entity);
      if (!parsed.success) throw new Error(`${name}/${String(doc._id)}: ${parsed.error.message}`);
      expect(parsed.data).toEqual(entity);
    }
  });

  it('has one settings document for the chain that parses as ClinicSettings', () => {
    const settings = coll(COLLECTIONS.settings);
    expect(settings).toHaveLength(1);
    const doc = settings[0] as Doc;
    expect(doc._id).toBe(DEMO_CHAIN_ID);
    const entity = withoutId(doc);
    expect(clinicSettingsSchema.parse(entity)).toEqual(entity);
  });

  it('has unique, stable string _ids in every collection', () => {
    for (const [name, docs] of Object.entries(clinic.collections)) {
      const ids = docs.map((d) => d._id);
      expect(new Set(ids).size).toBe(ids.length);
      // Ledger entry ids join the deal, the policy and the role (`<deal>:<policy>:<role>`), as settleDeal makes them.
      const pattern = name === COLLECTIONS.rewardLedger ? /^[0-9A-Za-z_:-]{1,128}$/ : /^[0-9A-Za-z_-]{1,64}$/;
      for (const id of ids) expect(id).toMatch(pattern);
    }
    expect(customers[0]?._id).toBe('cust-0001');
  });

  it('has both stores, with opening hours, a closed weekday or closed dates, and a slot capacity', () => {
    expect(stores.map((s) => s._id)).toEqual(['store-1', 'store-2']);
    expect(stores.map((s) => s.name)).toEqual(['悦美医疗美容 · 一店', '悦美医疗美容 · 二店']);
    for (const s of stores) {
      expect(s.chainId).toBe(DEMO_CHAIN_ID);
      expect(s.address).toMatch(/昆明市/);
      expect((s.capacityPerSlot as number) > 0).toBe(true);
      const hours = s.openingHours as { weekday: number; open: string; close: string }[];
      expect(hours.length).toBeGreaterThan(0);
      const closedWeekdays = 7 - new Set(hours.map((h) => h.weekday)).size;
      expect(closedWeekdays > 0 || (s.closedDates as string[]).length > 0).toBe(true);
      for (const d of s.closedDates as string[]) expect(d >= TODAY).toBe(true);
    }
    const [one, two] = stores as [Doc, Doc];
    expect((one.openingHours as { open: string }[])[0]).toMatchObject({ open: '09:30', close: '20:00' });
    expect((two.openingHours as { weekday: number }[]).some((h) => h.weekday === 2)).toBe(false); // 二店 closes on Tuesdays
  });

  it('has the products of seed 004 with categories and integer-fen prices', () => {
    const names = products.map((p) => p.name);
    for (const name of [
      '眼部整形',
      '肉毒素',
      '美肤祛斑',
      '鼻部整形',
      '玻尿酸',
      '疤痕修复',
      '胸部整形',
      '嫩肤保养',
      '自体脂肪',
      '口腔正畸',
      '永久性材料',
    ]) {
      expect(names).toContain(name);
    }
    for (const p of products) {
      expect(Number.isInteger(p.priceFen)).toBe(true);
      expect((p.priceFen as number) % 100).toBe(0);
      expect(p.priceFen as number).toBeGreaterThan(0);
    }
    const storeIds = new Set(stores.map((s) => s._id));
    for (const p of products) for (const id of p.storeIds as string[]) expect(storeIds.has(id)).toBe(true);
  });

  it('has at least one staff member for every post, at both stores, and every department', () => {
    for (const post of Object.keys(STAFF_POSTS) as StaffPost[]) {
      expect(staff.some((s) => s.post === post && !s.managerKind)).toBe(true);
    }
    for (const storeId of ['store-1', 'store-2']) {
      const here = staff.filter((s) => s.storeId === storeId);
      for (const dep of ['cs2', 'cs3', 'cs4', 'cs4_followup'])
        expect(here.some((s) => s.department === dep)).toBe(true);
      expect(here.some((s) => s.managerKind === 'store_manager')).toBe(true);
    }
    expect(staff.filter((s) => s.managerKind === 'channel_lead')).toHaveLength(1);
    expect(staff.filter((s) => s.managerKind === 'general_manager')).toHaveLength(1);
    const openids = staff.map((s) => s.openid);
    expect(new Set(openids).size).toBe(openids.length);
  });

  it(`has ${DEMO_CUSTOMER_COUNT} old customers across star levels 1–5, owned by a customer-service department of their store`, () => {
    expect(customers.length).toBeGreaterThanOrEqual(300);
    expect(customers.length).toBeLessThanOrEqual(400);
    const staffById = new Map(staff.map((s) => [s._id, s]));
    for (const star of [1, 2, 3, 4, 5]) {
      expect(customers.filter((c) => c.starLevel === star).length).toBeGreaterThanOrEqual(10);
    }
    for (const c of customers) {
      expect(c.kind).toBe('existing');
      const owner = staffById.get(c.ownerStaffId);
      expect(owner).toBeDefined();
      expect(owner?.storeId).toBe(c.storeId);
      expect(owner?.department).toBe(c.ownerDepartment);
      expect(['cs2', 'cs3', 'cs4']).toContain(c.ownerDepartment);
    }
    expect(customers.some((c) => c.hasReferred)).toBe(true);
    expect(customers.some((c) => !c.hasReferred)).toBe(true);
    expect(new Set(customers.map((c) => c.satisfaction)).size).toBe(5);
    const names = allCustomers.map((c) => c.name as string);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^\p{Script=Han}{2,4}$/u);
  });

  it('populates every golden-time window (months 1–3, 4–11, 12+ since the last treatment)', () => {
    const byWindow = new Map<string, number>();
    for (const c of customers) {
      const w = windowOf(c.lastTreatmentDate as string, TODAY) ?? 'none';
      byWindow.set(w, (byWindow.get(w) ?? 0) + 1);
    }
    expect(byWindow.get('none')).toBeUndefined();
    for (const w of DEFAULT_GOLDEN_WINDOWS) expect(byWindow.get(w.id) ?? 0).toBeGreaterThanOrEqual(30);
  });

  it.each(['2024-02-29T15:59:00Z', '2025-01-31T16:30:00Z', '2026-12-31T03:00:00Z', '2028-03-01T00:00:00Z'])(
    'keeps the windows populated and the demo customers in theirs at any now (%s)',
    (iso) => {
      const now = new Date(iso);
      const today = localDate(now);
      const docs = buildDemoClinic(now).collections;
      const counts = new Map<string | undefined, number>();
      for (const c of (docs[COLLECTIONS.customers] ?? []).filter((d) => d.source === 'crm_import')) {
        const w = windowOf(c.lastTreatmentDate as string, today);
        counts.set(w, (counts.get(w) ?? 0) + 1);
      }
      expect(counts.get(undefined)).toBeUndefined();
      for (const w of DEFAULT_GOLDEN_WINDOWS) expect(counts.get(w.id) ?? 0).toBeGreaterThanOrEqual(30);
      for (const d of DEMO_CUSTOMERS) {
        const doc = (docs[COLLECTIONS.customers] ?? []).find((c) => c._id === d.id);
        expect(windowOf(doc?.lastTreatmentDate as string, today)).toBe(d.window);
      }
      for (const s of docs[COLLECTIONS.stores] ?? []) expect(storeSchema.safeParse(withoutId(s)).success).toBe(true);
    },
  );

  it('has a treatment history over the last two years, consistent with each customer', () => {
    const byCustomer = new Map<unknown, Doc[]>();
    for (const d of deals) byCustomer.set(d.customerId, [...(byCustomer.get(d.customerId) ?? []), d]);
    const productById = new Map(products.map((p) => [p._id, p]));
    const staffById = new Map(staff.map((s) => [s._id, s]));
    const earliest = localDate(new Date(NOW.getTime() - (HISTORY_DAYS + 2) * 86_400_000));
    for (const c of customers) {
      const own = byCustomer.get(c._id) ?? [];
      expect(own.length).toBeGreaterThan(0);
      const dates = own.map((d) => localDate(d.at as string)).sort();
      expect(dates[dates.length - 1]).toBe(c.lastTreatmentDate);
      expect((c.createdAt as string) <= (own.map((d) => d.at as string).sort()[0] as string)).toBe(true);
      for (const d of own) {
        const date = localDate(d.at as string);
        expect(date < TODAY).toBe(true);
        expect(date >= earliest).toBe(true);
        expect(d.storeId).toBe(c.storeId);
        if (c.storeId === 'store-2') expect(weekday(date)).not.toBe(2);
        const p = productById.get(d.productId);
        expect(p).toBeDefined();
        const offeredAt = p?.storeIds as string[];
        if (offeredAt.length > 0) expect(offeredAt).toContain(c.storeId);
        expect(Number.isInteger(d.amountFen)).toBe(true);
        expect(d.paidFen as number).toBeLessThanOrEqual(d.amountFen as number);
        expect(staffById.get(d.staffId)?.storeId).toBe(c.storeId);
      }
      if (c.nextTreatmentDate !== undefined) expect((c.nextTreatmentDate as string) > TODAY).toBe(true);
    }
    const firstDates = deals.map((d) => localDate(d.at as string)).sort();
    expect((firstDates[0] as string) < localDate(new Date(NOW.getTime() - 600 * 86_400_000))).toBe(true);
  });

  it('gives every person a unique, valid, normalised mainland mobile number', () => {
    const phones = [...allCustomers, ...staff].map((d) => d.phone as string);
    expect(new Set(phones).size).toBe(phones.length);
    for (const phone of phones) {
      expect(phone).toMatch(CANONICAL_PHONE_RE);
      expect(normalizePhone(phone)).toEqual({ ok: true, phone });
    }
  });
});

describe('DEMO_IDENTITIES', () => {
  it('have unique openids that match the pattern', () => {
    const openids = DEMO_IDENTITIES.map((i) => i.openid);
    expect(new Set(openids).size).toBe(openids.length);
    for (const id of openids) {
      expect(id).toMatch(DEMO_OPENID_RE);
      expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    }
  });

  it('cover 3 customers at different star levels, 2 newcomers, every post, store managers, a channel lead and a GM', () => {
    const kinds = (k: string) => DEMO_IDENTITIES.filter((i) => i.kind === k);
    expect(kinds('customer')).toHaveLength(3);
    expect(kinds('newcomer')).toHaveLength(2);
    expect(new Set(DEMO_CUSTOMERS.map((c) => c.starLevel)).size).toBe(3);
    const demoPosts = new Set(DEMO_STAFF.filter((s) => !s.managerKind).map((s) => s.post));
    expect([...demoPosts].sort()).toEqual(Object.keys(STAFF_POSTS).sort());
    expect(new Set(DEMO_STAFF.filter((s) => !s.managerKind).map((s) => s.storeId))).toEqual(
      new Set(['store-1', 'store-2']),
    );
    const managers = DEMO_STAFF.filter((s) => s.managerKind);
    expect(
      managers
        .filter((m) => m.managerKind === 'store_manager')
        .map((m) => m.storeId)
        .sort(),
    ).toEqual(['store-1', 'store-2']);
    expect(managers.some((m) => m.managerKind === 'channel_lead')).toBe(true);
    expect(managers.some((m) => m.managerKind === 'general_manager')).toBe(true);
    expect(kinds('manager')).toHaveLength(managers.length);
    for (const i of DEMO_IDENTITIES) expect(i.label).toMatch(/\p{Script=Han}/u);
    expect(DEMO_IDENTITIES.find((i) => i.openid === 'demo-customer-wangli')?.label).toBe('老客 · 王丽（4★）');
    expect(DEMO_IDENTITIES.find((i) => i.openid === 'demo-staff-consultant-1')?.label).toBe('咨询师 · 陈静（一店）');
    expect(DEMO_IDENTITIES.find((i) => i.openid === 'demo-manager-store-1')?.label).toBe('店长 · 一店');
  });

  it('the demo customers and staff are in the clinic under their openids; one customer is in months 1–3', () => {
    for (const c of DEMO_CUSTOMERS) {
      const doc = customers.find((d) => (d.openids as string[]).includes(c.openid));
      expect(doc).toMatchObject({ _id: c.id, name: c.name, starLevel: c.starLevel });
      expect(windowOf(doc?.lastTreatmentDate as string, TODAY)).toBe(c.window);
      const last = deals
        .filter((d) => d.customerId === c.id)
        .sort((a, b) => ((a.at as string) < (b.at as string) ? 1 : -1))[0];
      expect(last?.productId).toBe(c.lastProductId);
    }
    expect(DEMO_CUSTOMERS.some((c) => c.window === 'peak')).toBe(true);
    for (const s of DEMO_STAFF) {
      expect(staff.find((d) => d.openid === s.openid)).toMatchObject({
        _id: s.id,
        name: s.name,
        post: s.post,
        storeId: s.storeId,
      });
    }
    const withOpenid = customers.filter((c) => (c.openids as string[]).length > 0);
    expect(withOpenid).toHaveLength(DEMO_CUSTOMERS.length);
  });

  it('newcomers exist only as openids: in no collection', () => {
    const everything = JSON.stringify(clinic.collections);
    for (const n of DEMO_NEWCOMERS) {
      expect(everything).not.toContain(n.openid);
      expect(everything).not.toContain(`"${n.name}"`);
    }
  });
});
