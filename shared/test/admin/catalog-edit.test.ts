import { editProduct, editStore, isStorePhotoFile, storePhotoFolderOf, type Product, type Store } from '../../src';

const store: Store = {
  id: 'store-1',
  chainId: 'c1',
  name: '一店',
  address: '',
  visitNotes: [],
  photoFileIds: ['cloud://env.b/seed/front.png'],
  openingHours: [{ weekday: 1, open: '10:00', close: '18:00' }],
  closedDates: [],
  slotMinutes: 30,
  capacityPerSlot: 2,
  active: true,
};
const edit = (over: Record<string, unknown> = {}) => ({
  openingHours: store.openingHours,
  closedDates: store.closedDates,
  slotMinutes: 30,
  capacityPerSlot: 2,
  photoFileIds: store.photoFileIds,
  ...over,
});

describe('store edit (hours, closed dates, slots, photos)', () => {
  test('store edit: replaces the booking fields, sorts hours and closed dates once each, keeps the rest', () => {
    const r = editStore(
      store,
      edit({
        openingHours: [
          { weekday: 3, open: '10:00', close: '12:00' },
          { weekday: 1, open: '14:00', close: '18:00' },
          { weekday: 1, open: '09:00', close: '12:00' },
        ],
        closedDates: ['2027-03-09', '2027-03-02', '2027-03-09'],
        capacityPerSlot: 4,
      }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.next.openingHours.map((h) => `${h.weekday} ${h.open}`)).toEqual(['1 09:00', '1 14:00', '3 10:00']);
    expect(r.next.closedDates).toEqual(['2027-03-02', '2027-03-09']);
    expect(r.next.name).toBe('一店');
    // Opening rows are records: compared row by row (after sorting), added rows by their index.
    expect(r.changed).toEqual([
      'capacityPerSlot',
      'closedDates',
      'openingHours.0.close',
      'openingHours.0.open',
      'openingHours.1',
      'openingHours.2',
    ]);
    expect(r.before).toMatchObject({ capacityPerSlot: 2, closedDates: [] });
    expect(r.after).toMatchObject({ capacityPerSlot: 4 });
  });

  test('store edit: a bad value is refused field by field (the store schema, its Chinese names)', () => {
    const r = editStore(store, edit({ capacityPerSlot: 0, closedDates: ['2027-02-30'], name: '改名' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path).sort()).toEqual(['', 'capacityPerSlot', 'closedDates.0']);
    expect(r.issues.find((i) => i.path === 'capacityPerSlot')!.message).toMatch(/^每时段可约人数：/);
  });

  test('store edit: every opening row holds at least one slot', () => {
    const r = editStore(store, edit({ openingHours: [{ weekday: 2, open: '10:00', close: '10:20' }] }));
    expect(r.ok ? [] : r.issues).toEqual([
      { path: 'openingHours.0.close', message: '打烊时间：须晚于开门时间至少一个预约时段（30 分钟）' },
    ]);
  });

  test('store photos: kept photos stay, new ones only from the store’s own folder', () => {
    const own = `cloud://env.b/${storePhotoFolderOf('store-1')}/p1.jpg`;
    const ok = editStore(store, edit({ photoFileIds: [own, store.photoFileIds[0]] }));
    expect(ok.ok && ok.next.photoFileIds).toEqual([own, store.photoFileIds[0]]);
    const foreign = editStore(store, edit({ photoFileIds: ['cloud://env.b/stores/store-2/p.jpg'] }));
    expect(foreign.ok ? [] : foreign.issues).toEqual([
      { path: 'photoFileIds.0', message: '门店照片：只能使用为本店上传的照片' },
    ]);
    expect(isStorePhotoFile('cloud://env.b/stores/store-1/../x.jpg', 'store-1')).toBe(false);
    expect(isStorePhotoFile('cloud://env.b/stores/store-1/a/b.jpg', 'store-1')).toBe(false);
    expect(isStorePhotoFile('stores/store-1/a.jpg', 'store-1')).toBe(false);
    expect(isStorePhotoFile('cloud://env.b/stores/store-1/a..jpg', 'store-1')).toBe(false);
  });
});

describe('product edit', () => {
  const product: Product = {
    id: 'p1',
    chainId: 'c1',
    name: '水光针',
    category: 'hyaluronic_acid',
    priceFen: 98_000,
    durationMinutes: 60,
    storeIds: [],
    active: true,
  };
  const value = {
    name: '水光针 Pro',
    category: 'hyaluronic_acid',
    priceFen: 128_000,
    durationMinutes: 45,
    storeIds: ['s2', 's1', 's2'],
    active: true,
  };

  test('product edit: replaces the editable fields, stores once each; id and chain never change', () => {
    const r = editProduct(product, { id: 'p1', chainId: 'c1' }, value, ['s1', 's2']);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.next).toEqual({ ...product, ...value, storeIds: ['s1', 's2'] });
    expect(r.changed).toEqual(['durationMinutes', 'name', 'priceFen', 'storeIds']);
    // A price left out is no price any more.
    const { priceFen: _p, ...noPrice } = value;
    const cleared = editProduct(product, { id: 'p1', chainId: 'c1' }, noPrice, ['s1', 's2']);
    expect(cleared.ok && 'priceFen' in cleared.next).toBe(false);
  });

  test('product edit: a new product is made of the edit; unknown stores and bad fields are refused', () => {
    const created = editProduct(null, { id: 'p9', chainId: 'c1' }, { ...value, storeIds: [] }, ['s1']);
    expect(created.ok && created.next).toMatchObject({ id: 'p9', chainId: 'c1', name: '水光针 Pro' });
    expect(created.ok && created.before).toEqual({});
    const unknown = editProduct(product, { id: 'p1', chainId: 'c1' }, value, ['s1']);
    expect(unknown.ok ? [] : unknown.issues).toEqual([{ path: 'storeIds.0', message: '提供门店：没有这家门店' }]);
    const bad = editProduct(product, { id: 'p1', chainId: 'c1' }, { ...value, durationMinutes: 1, priceFen: -1 }, [
      's1',
      's2',
    ]);
    expect(bad.ok ? [] : bad.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^参考价格：/),
      expect.stringMatching(/^项目时长：/),
    ]);
  });
});
