import {
  addClosedDate,
  fromStoreDraft,
  movePhotoUp,
  rowsOf,
  toStoreDraft,
} from '../../src/packages/admin/utils/store-form';
import {
  fromProductDraft,
  newProductDraft,
  toProductDraft,
  toggleStore,
} from '../../src/packages/admin/utils/product-form';
import { refusalOf, unplacedErrors } from '../../src/packages/admin/utils/server-errors';
import { CHAIN_SETTINGS, STORE_MANAGER_SETTINGS } from './admin-fixtures';

const store = CHAIN_SETTINGS.stores[0]!;

describe('store form', () => {
  test('the store as it is saves back unchanged; weekdays without a row are 休息', () => {
    const draft = toStoreDraft(store);
    expect(rowsOf(draft, 0)).toEqual([]);
    expect(rowsOf(draft, 1)).toEqual([{ row: { weekday: 1, open: '09:30', close: '20:00' }, index: 0 }]);
    expect(fromStoreDraft(store, draft)).toEqual({
      ok: true,
      value: {
        openingHours: store.openingHours,
        closedDates: store.closedDates,
        slotMinutes: 30,
        capacityPerSlot: 3,
        photoFileIds: store.photoFileIds,
      },
    });
  });

  test('closed dates: a real date added once, in order; anything else refused', () => {
    const draft = toStoreDraft(store);
    const added = addClosedDate(draft, ' 2027-03-02 ');
    expect('draft' in added && added.draft.closedDates).toEqual(['2027-03-02', '2027-03-15']);
    expect(addClosedDate(draft, '2027-03-15')).toEqual({ draft });
    expect(addClosedDate(draft, '2027-02-30')).toEqual({ error: '请输入日期，例如 2027-05-01' });
  });

  test('photos move up (the first is shown first); slots and hours are checked by the shared rule', () => {
    const draft = { ...toStoreDraft(store), photoFileIds: ['a', 'b', 'c'] };
    expect(movePhotoUp(draft, 2).photoFileIds).toEqual(['a', 'c', 'b']);
    expect(movePhotoUp(draft, 0)).toBe(draft);
    const bad = fromStoreDraft(store, { ...toStoreDraft(store), capacityPerSlot: '三' });
    expect(bad).toEqual({ ok: false, errors: { capacityPerSlot: '请输入整数' } });
    const short = fromStoreDraft(store, {
      ...toStoreDraft(store),
      rows: [{ weekday: 1, open: '10:00', close: '10:15' }],
    });
    expect(short.ok ? {} : short.errors).toEqual({
      'openingHours.0.close': expect.stringContaining('至少一个预约时段'),
    });
    const none = fromStoreDraft(store, { ...toStoreDraft(store), slotMinutes: '' });
    expect(none.ok ? {} : none.errors).toEqual({ slotMinutes: '请输入整数' });
  });
});

describe('product form', () => {
  test('a product saves back as it is; price in 元, empty price means none', () => {
    const p = CHAIN_SETTINGS.products[0]!;
    const draft = toProductDraft(p);
    expect(draft.price).toBe('6800');
    expect(fromProductDraft(draft, ['store-1', 'store-2'])).toEqual({
      ok: true,
      value: { name: '双眼皮', category: 'eyes', priceFen: 680_000, durationMinutes: 90, storeIds: [], active: true },
    });
    const free = fromProductDraft({ ...draft, price: '' }, ['store-1']);
    expect(free.ok && 'priceFen' in free.value).toBe(false);
    expect(toggleStore(toggleStore(draft, 'store-2'), 'store-1').storeIds).toEqual(['store-1', 'store-2']);
    expect(toggleStore({ ...draft, storeIds: ['store-1'] }, 'store-1').storeIds).toEqual([]);
  });

  test('a store manager’s new product is their store’s; bad fields are named', () => {
    expect(newProductDraft('store-1').storeIds).toEqual(['store-1']);
    const bad = fromProductDraft({ ...newProductDraft(), price: 'abc', durationMinutes: '' }, []);
    expect(bad.ok ? {} : Object.keys(bad.errors).sort()).toEqual(['durationMinutes', 'priceFen']);
    const nameless = fromProductDraft(newProductDraft(), []);
    expect(nameless.ok ? {} : nameless.errors).toEqual({ name: expect.stringMatching(/^项目名称：/) });
    expect(STORE_MANAGER_SETTINGS.products[1]!.editable).toBe(true);
  });
});

describe('a refused save', () => {
  test('stale version is a conflict; field issues go under their fields; other refusals are one message', () => {
    expect(refusalOf({ ok: false, code: 'STALE_VERSION', message: '宋志远 刚刚保存了新的内容' })).toEqual({
      kind: 'conflict',
      message: '宋志远 刚刚保存了新的内容',
    });
    expect(
      refusalOf({
        ok: false,
        code: 'INVALID_INPUT',
        message: '每时段可约人数：太小（字段 capacityPerSlot）；打烊时间：太早（字段 openingHours.0.close）',
      }),
    ).toEqual({
      kind: 'fields',
      errors: { capacityPerSlot: '每时段可约人数：太小', 'openingHours.0.close': '打烊时间：太早' },
      message: '请修改标红的内容后再保存',
    });
    expect(refusalOf({ ok: false, code: 'INVALID_INPUT', message: '输入内容有误' })).toEqual({
      kind: 'message',
      message: '输入内容有误',
    });
    expect(refusalOf({ ok: false, code: 'FORBIDDEN', message: '您没有权限' })).toEqual({
      kind: 'message',
      message: '您没有权限',
    });
    expect(unplacedErrors({ a: '一', b: '二' }, new Set(['a']))).toEqual(['二']);
  });
});
