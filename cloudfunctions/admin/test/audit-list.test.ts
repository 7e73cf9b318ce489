import { CONTRACTS } from '@clinic/shared';
import { STAFF, bookingInput, startClinic, type Clinic } from '../../test/support/clinic';
import { GM, SM1, SM2, admin, auditEntries } from './admin-support';

jest.setTimeout(240_000);

/**
 * The audit log viewer: newest first, filtered in the database, keyset pages of at most 50 (the
 * server's page is 100 by default), a store manager's own store only, customers' phones masked
 * below the chain — and nothing that edits or deletes an entry.
 */
let clinic: Clinic;
const CHAIN = 'chain-yuemei';
const DAY = '2027-02-10';

beforeAll(async () => {
  clinic = await startClinic();
  // 120 older entries of one day, many at the very same instant (ties are ordered by id).
  clinic.cloud.db.insertMany(
    'auditLogs',
    Array.from({ length: 120 }, (_, i) => {
      const id = `seed_${String(i).padStart(3, '0')}`;
      return {
        _id: id,
        id,
        chainId: CHAIN,
        at: `${DAY}T0${Math.floor(i / 40)}:00:00.000Z`,
        actorId: i % 2 ? 'staff-s1-manager' : 'staff-s2-manager',
        action: 'task.reassign',
        targetId: `task-${i}`,
        storeId: i % 2 ? 'store-1' : 'store-2',
        outcome: 'allowed',
        message: `回访任务改派（客户 1390000${String(i).padStart(4, '0')}）`,
      };
    }),
  );
});
afterAll(async () => {
  await clinic.cloud.stop();
});

const list = (data: Record<string, unknown>, openid = GM) => admin(clinic, 'listAudit', data, openid);

async function all(data: Record<string, unknown>, openid = GM) {
  const items: any[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const res = await list({ ...data, limit: 50, ...(cursor ? { cursor } : {}) }, openid);
    expect(res.body.ok).toBe(true);
    items.push(...res.body.data.items);
    cursor = res.body.data.nextCursor;
    pages++;
  } while (cursor && pages < 10);
  return { items, pages };
}

test('pages: newest first, ties by id, every entry exactly once across pages of 50', async () => {
  const { items, pages } = await all({ from: DAY, to: DAY });
  expect(pages).toBe(3);
  expect(items).toHaveLength(120);
  expect(new Set(items.map((i) => i.id)).size).toBe(120);
  const order = [...items].sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
  expect(items.map((i) => i.id)).toEqual(order.map((i) => i.id));
  expect(items[0]).toMatchObject({
    kind: 'task_reassign',
    kindLabel: '任务改派',
    actorName: '高峰',
    storeName: '悦美医疗美容 · 一店',
  });
  const bad = await list({ cursor: 'not-a-cursor' });
  expect(bad.body).toEqual({ ok: false, code: 'INVALID_INPUT', message: '分页标记无效，请刷新后重试' });
  const tooMany = await list({ limit: 51 });
  expect(tooMany.body).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
});

test('a store manager sees only their store’s entries, with customers’ phones masked; the chain sees them whole', async () => {
  const { items } = await all({ from: DAY, to: DAY }, SM1);
  expect(items).toHaveLength(60);
  expect(items.every((i) => i.storeId === 'store-1')).toBe(true);
  expect(items.every((i) => /139\*\*\*\*\d{4}/.test(i.message))).toBe(true);
  const other = await list({ storeId: 'store-2' }, SM1);
  expect(other.body).toEqual({ ok: false, code: 'NOT_FOUND', message: '没有找到这家门店' });
  const chain = (await list({ from: DAY, to: DAY, storeId: 'store-2', limit: 5 })).body.data.items;
  expect(chain.every((i: any) => i.storeId === 'store-2' && /1390000\d{4}/.test(i.message))).toBe(true);
});

test('filters: kind, days, colleague (a from after to is refused)', async () => {
  const byActor = await all({ from: DAY, to: DAY, actorId: 'staff-s2-manager' });
  expect(byActor.items).toHaveLength(60);
  expect((await list({ from: '2027-02-11', to: '2027-02-20' })).body.data.items).toEqual([]);
  expect((await list({ kind: 'settings' })).body.data.items).toEqual([]);
  expect((await list({ from: '2027-02-12', to: '2027-02-11' })).body).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
  });
});

test('R8: a refused change at the desk is in its store’s log as 拒绝改单, with the rule', async () => {
  const phone = '13933330001';
  expect((await clinic.call('booking', 'create', bookingInput({ phone }), 'o-audit-r8')).body.ok).toBe(true);
  const desk = await clinic.call(
    'visits',
    'fileAtDesk',
    { phone, name: '周晓', channel: 'search', grade: 'F3' },
    STAFF,
  );
  expect(desk.body).toMatchObject({ ok: true, data: { existing: true, reattributionRefused: true } });
  const mine = (await list({ kind: 'refused_change' }, SM1)).body.data.items;
  expect(mine).toEqual([
    expect.objectContaining({
      kind: 'refused_change',
      kindLabel: '拒绝改单（R8）',
      outcome: 'rejected',
      rule: 'R8',
      storeId: 'store-1',
      changes: [],
    }),
  ]);
  expect((await list({ kind: 'refused_change' }, SM2)).body.data.items).toEqual([]);
});

test('a settings change reads as its fields with before and after, named in Chinese (the chain’s, not a store’s)', async () => {
  const doc = clinic.cloud.db.find('settings', { _id: CHAIN })[0] as any;
  const value = {
    referralShareTargetBp: 1500,
    defaultCommissionBp: doc.defaultCommissionBp,
    commissionBpByChannel: doc.commissionBpByChannel,
  };
  expect((await admin(clinic, 'updateSettings', { section: 'targets', expectedVersion: 0, value }, GM)).body.ok).toBe(
    true,
  );
  // A chain change concerns no store: a store manager does not read it.
  expect((await list({ kind: 'settings' }, SM1)).body.data.items).toEqual([]);
  const [item] = (await list({ kind: 'settings' })).body.data.items;
  expect(item).toMatchObject({
    kind: 'settings',
    actorName: '宋志远',
    section: 'targets',
    sectionLabel: '目标与提成',
    version: 1,
    message: '修改目标与提成：老带新业绩占比目标',
    changes: [{ path: 'referralShareTargetBp', label: '老带新业绩占比目标', before: 1000, after: 1500 }],
  });
});

test('entries are immutable: no action of any function edits or deletes one, and unknown actions are refused', async () => {
  const auditActions = Object.entries(CONTRACTS).flatMap(([fn, contract]) =>
    Object.keys(contract)
      .filter((action) => /audit/i.test(action))
      .map((action) => `${fn}.${action}`),
  );
  expect(auditActions).toEqual(['admin.listAudit']);
  const before = auditEntries(clinic);
  for (const action of ['updateAudit', 'deleteAudit', 'removeAudit', 'clearAudit']) {
    const res = await admin(clinic, action, { id: 'seed_000' }, GM);
    expect(res.body).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
  }
  expect(auditEntries(clinic)).toEqual(before);
});
