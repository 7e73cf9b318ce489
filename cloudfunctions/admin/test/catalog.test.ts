import { TOMORROW, WEDNESDAY, bookingInput, startClinic, type Clinic } from '../../test/support/clinic';
import { GM, SM1, SM2, admin, auditEntries, editable, namesField, productDoc, storeDoc } from './admin-support';

jest.setTimeout(240_000);

/**
 * Stores and products: the same rules as the settings (zod field by field, version, one
 * transaction with the audit entry), a store manager only for their own store, and the booking
 * function sees a change on its very next call although it keeps stores in its instance's cache.
 */
let clinic: Clinic;
beforeAll(async () => {
  clinic = await startClinic();
});
afterAll(async () => {
  await clinic.cloud.stop();
});

const storeEdit = (id: string, over: Record<string, unknown> = {}) => {
  const s = storeDoc(clinic, id);
  return {
    openingHours: s.openingHours,
    closedDates: s.closedDates,
    slotMinutes: s.slotMinutes,
    capacityPerSlot: s.capacityPerSlot,
    photoFileIds: s.photoFileIds,
    ...over,
  };
};
const slots = (storeId: string, date: string) =>
  clinic.call('booking', 'listSlots', { storeId, date }, 'demo-newcomer-1');

test('a closed day set by the store manager is seen by booking.listSlots and booking.create on their next call', async () => {
  // booking's instance has 一店 in its cache now.
  expect((await slots('store-1', TOMORROW)).body.data).toMatchObject({ closed: false });
  const res = await admin(
    clinic,
    'updateStore',
    {
      storeId: 'store-1',
      expectedVersion: 0,
      store: storeEdit('store-1', { closedDates: [TOMORROW, ...storeDoc(clinic, 'store-1').closedDates] }),
    },
    SM1,
  );
  expect(res.body).toMatchObject({
    ok: true,
    data: { changed: ['closedDates'], store: { id: 'store-1', version: 1 } },
  });
  expect(res.body.data.store.closedDates).toContain(TOMORROW);
  expect(res.body.data.store.lastChange).toMatchObject({ staffId: 'staff-s1-manager', name: '高峰' });

  expect((await slots('store-1', TOMORROW)).body.data).toEqual({ date: TOMORROW, closed: true, slots: [] });
  const booked = await clinic.call('booking', 'create', bookingInput({ phone: '13922220001' }), 'o-admin-closed');
  expect(booked.body).toMatchObject({ ok: false, code: 'STORE_CLOSED' });

  const [entry] = auditEntries(clinic, { action: 'store.update' });
  expect(entry).toMatchObject({
    _id: 'store_store-1_v1',
    actorId: 'staff-s1-manager',
    targetId: 'store-1',
    storeId: 'store-1',
    section: 'store',
    version: 1,
    message: '修改门店 悦美医疗美容 · 一店：休息日期',
  });
  expect(entry.after.closedDates).toContain(TOMORROW);
  expect(entry.before.closedDates).not.toContain(TOMORROW);
  expect(storeDoc(clinic, 'store-1')).toMatchObject({
    version: 1,
    updatedByStaffId: 'staff-s1-manager',
    name: '悦美医疗美容 · 一店',
  });
});

test('capacity per slot: listSlots shows the new number of places at once', async () => {
  expect((await slots('store-1', WEDNESDAY)).body.data.slots[0]).toEqual({ slot: '09:30', available: 3 });
  const res = await admin(
    clinic,
    'updateStore',
    { storeId: 'store-1', expectedVersion: 1, store: storeEdit('store-1', { capacityPerSlot: 5 }) },
    GM,
  );
  expect(res.body).toMatchObject({ ok: true, data: { changed: ['capacityPerSlot'], store: { version: 2 } } });
  expect((await slots('store-1', WEDNESDAY)).body.data.slots[0]).toEqual({ slot: '09:30', available: 5 });
});

test('a store manager never changes another store: it looks missing, nothing changes', async () => {
  const before = editable(clinic);
  const res = await admin(
    clinic,
    'updateStore',
    { storeId: 'store-2', expectedVersion: 0, store: storeEdit('store-2', { capacityPerSlot: 9 }) },
    SM1,
  );
  expect(res.body).toEqual({ ok: false, code: 'NOT_FOUND', message: '没有找到这家门店' });
  const missing = await admin(clinic, 'updateStore', { storeId: 'store-9', expectedVersion: 0, store: {} }, GM);
  expect(missing.body).toEqual({ ok: false, code: 'NOT_FOUND', message: '没有找到这家门店' });
  expect(editable(clinic)).toEqual(before);
});

test('bad store input and a stale version are refused field by field, and change nothing', async () => {
  const before = editable(clinic);
  const bad = await admin(
    clinic,
    'updateStore',
    {
      storeId: 'store-1',
      expectedVersion: 2,
      store: storeEdit('store-1', {
        capacityPerSlot: 0,
        openingHours: [{ weekday: 1, open: '10:00', close: '25:00' }],
        closedDates: ['2027-02-30'],
      }),
    },
    SM1,
  );
  expect(bad.body).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  expect(bad.body.message).toEqual(namesField('capacityPerSlot'));
  expect(bad.body.message).toEqual(namesField('openingHours.0.close'));
  expect(bad.body.message).toEqual(namesField('closedDates.0'));
  const short = await admin(
    clinic,
    'updateStore',
    {
      storeId: 'store-1',
      expectedVersion: 2,
      store: storeEdit('store-1', { openingHours: [{ weekday: 1, open: '10:00', close: '10:10' }] }),
    },
    SM1,
  );
  expect(short.body.message).toBe('打烊时间：须晚于开门时间至少一个预约时段（30 分钟）（字段 openingHours.0.close）');
  const stale = await admin(
    clinic,
    'updateStore',
    { storeId: 'store-1', expectedVersion: 1, store: storeEdit('store-1', { capacityPerSlot: 1 }) },
    SM1,
  );
  expect(stale.body).toMatchObject({
    ok: false,
    code: 'STALE_VERSION',
    message: expect.stringMatching(/^宋志远 刚刚保存/),
  });
  expect(editable(clinic)).toEqual(before);
});

test('store photos: a photo uploaded into the store’s folder is added; another folder’s or a missing file is refused', async () => {
  const fileId = clinic.cloud.files.put('stores/store-2/new-front.png', Buffer.from('png'));
  const current = storeDoc(clinic, 'store-2').photoFileIds as string[];
  const before = editable(clinic);
  const foreign = clinic.cloud.files.put('stores/store-1/elsewhere.png', Buffer.from('png'));
  const refused = await admin(
    clinic,
    'updateStore',
    { storeId: 'store-2', expectedVersion: 0, store: storeEdit('store-2', { photoFileIds: [foreign] }) },
    SM2,
  );
  expect(refused.body).toEqual({
    ok: false,
    code: 'INVALID_INPUT',
    message: '门店照片：只能使用为本店上传的照片（字段 photoFileIds.0）',
  });
  const missing = fileId.replace('new-front', 'never-uploaded');
  const absent = await admin(
    clinic,
    'updateStore',
    { storeId: 'store-2', expectedVersion: 0, store: storeEdit('store-2', { photoFileIds: [missing] }) },
    SM2,
  );
  expect(absent.body).toEqual({
    ok: false,
    code: 'INVALID_INPUT',
    message: '门店照片：照片不存在或已删除，请重新上传（字段 photoFileIds.0）',
  });
  expect(editable(clinic)).toEqual(before);

  const added = await admin(
    clinic,
    'updateStore',
    {
      storeId: 'store-2',
      expectedVersion: 0,
      store: storeEdit('store-2', { photoFileIds: [fileId, ...current.slice(1)] }),
    },
    SM2,
  );
  expect(added.body).toMatchObject({ ok: true, data: { store: { photoFileIds: [fileId, ...current.slice(1)] } } });
  expect(added.body.data.store.photoUrls[fileId]).toMatch(/^http/);
  expect(added.body.data.store.photoFolder).toBe('stores/store-2');
});

test('products: a store manager edits their store’s own product; a shared one is the chain’s, another store’s looks missing', async () => {
  const breast = productDoc(clinic, 'product-breast');
  const value = (p: any, over: Record<string, unknown> = {}) => ({
    name: p.name,
    category: p.category,
    ...(p.priceFen !== undefined ? { priceFen: p.priceFen } : {}),
    durationMinutes: p.durationMinutes,
    storeIds: p.storeIds,
    active: p.active,
    ...over,
  });
  const own = await admin(
    clinic,
    'upsertProduct',
    { productId: 'product-breast', expectedVersion: 0, product: value(breast, { durationMinutes: 150 }) },
    SM1,
  );
  expect(own.body).toMatchObject({
    ok: true,
    data: { created: false, changed: ['durationMinutes'], product: { version: 1, editable: true } },
  });

  const before = editable(clinic);
  const eyes = productDoc(clinic, 'product-eyes');
  const shared = await admin(
    clinic,
    'upsertProduct',
    { productId: 'product-eyes', expectedVersion: 0, product: value(eyes, { active: false }) },
    SM1,
  );
  expect(shared.body).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  const widen = await admin(
    clinic,
    'upsertProduct',
    { productId: 'product-breast', expectedVersion: 1, product: value(breast, { storeIds: [] }) },
    SM1,
  );
  expect(widen.body).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  const other = await admin(
    clinic,
    'upsertProduct',
    { productId: 'product-breast', expectedVersion: 1, product: value(breast) },
    SM2,
  );
  expect(other.body).toEqual({ ok: false, code: 'NOT_FOUND', message: '没有找到这个项目' });
  const bad = await admin(
    clinic,
    'upsertProduct',
    {
      productId: 'product-breast',
      expectedVersion: 1,
      product: value(breast, { priceFen: 12.5, storeIds: ['store-9'] }),
    },
    GM,
  );
  expect(bad.body).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: namesField('priceFen') });
  expect(editable(clinic)).toEqual(before);
});

test('products: a product taken off sale is refused by booking.create at once; a new one is offered by listProducts', async () => {
  // booking's instance has the product cached from a successful booking's checks.
  const ok = await clinic.call(
    'booking',
    'create',
    bookingInput({ storeId: 'store-2', date: WEDNESDAY, phone: '13922220002', productId: 'product-tightening' }),
    'o-admin-product',
  );
  expect(ok.body).toMatchObject({ ok: true });
  const p = productDoc(clinic, 'product-tightening');
  const off = await admin(
    clinic,
    'upsertProduct',
    {
      productId: 'product-tightening',
      expectedVersion: 0,
      product: {
        name: p.name,
        category: p.category,
        durationMinutes: p.durationMinutes,
        storeIds: p.storeIds,
        active: false,
        ...(p.priceFen ? { priceFen: p.priceFen } : {}),
      },
    },
    GM,
  );
  expect(off.body).toMatchObject({ ok: true, data: { changed: ['active'] } });
  const refused = await clinic.call(
    'booking',
    'create',
    bookingInput({
      storeId: 'store-2',
      date: WEDNESDAY,
      slot: '11:00',
      phone: '13922220003',
      productId: 'product-tightening',
    }),
    'o-admin-product-2',
  );
  expect(refused.body).toMatchObject({ ok: false, code: 'PRODUCT_NOT_FOUND' });

  const created = await admin(
    clinic,
    'upsertProduct',
    {
      expectedVersion: 0,
      product: {
        name: '光子嫩肤体验',
        category: 'rejuvenation',
        priceFen: 68_000,
        durationMinutes: 45,
        storeIds: ['store-2'],
        active: true,
      },
    },
    SM2,
  );
  expect(created.body).toMatchObject({
    ok: true,
    data: { created: true, product: { name: '光子嫩肤体验', version: 1, storeIds: ['store-2'] } },
  });
  const id = created.body.data.product.id;
  const listed = await clinic.call('booking', 'listProducts', { storeId: 'store-2' }, 'demo-newcomer-1');
  expect(listed.body.data.products.map((x: any) => x.id)).toContain(id);
  expect(auditEntries(clinic, { targetId: id })).toEqual([
    expect.objectContaining({
      action: 'product.create',
      storeId: 'store-2',
      actorId: 'staff-s2-manager',
      version: 1,
      message: '新增项目 光子嫩肤体验：上架、项目分类、项目时长、项目名称、参考价格、提供门店',
    }),
  ]);
  // A chain product with stores it may not name, and a new product for another store, are refused.
  const chainWide = await admin(
    clinic,
    'upsertProduct',
    {
      expectedVersion: 0,
      product: { name: '全店项目', category: 'other', durationMinutes: 30, storeIds: [], active: true },
    },
    SM2,
  );
  expect(chainWide.body).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  const staleCreate = await admin(
    clinic,
    'upsertProduct',
    {
      productId: id,
      expectedVersion: 0,
      product: {
        name: '光子嫩肤体验',
        category: 'rejuvenation',
        durationMinutes: 45,
        storeIds: ['store-2'],
        active: true,
      },
    },
    SM2,
  );
  expect(staleCreate.body).toMatchObject({ ok: false, code: 'STALE_VERSION' });
});
