/** Contract-parsed admin data for the page tests (a fixture can never drift from the contract). */
import { DEFAULT_SETTINGS, adminContract } from '@clinic/shared';
import type { AdminSettings, AuditPage } from '../../src/services/admin-settings';

const store = (id: string, name: string, editable: boolean) => ({
  id,
  name,
  address: '',
  active: true,
  openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:30', close: '20:00' })),
  closedDates: ['2027-03-15'],
  slotMinutes: 30,
  capacityPerSlot: 3,
  photoFileIds: [`cloud://e.b/stores/${id}/front.png`],
  photoUrls: { [`cloud://e.b/stores/${id}/front.png`]: `https://tmp/${id}.png` },
  photoFolder: `stores/${id}`,
  version: 0,
  editable,
});

export const CHAIN_SETTINGS: AdminSettings = adminContract.getSettings.output.parse({
  settings: DEFAULT_SETTINGS,
  version: 3,
  lastChange: { staffId: 'staff-gm', name: '宋志远', at: '2027-03-01T02:00:00.000Z', section: 'rewards' },
  canEditSettings: true,
  stores: [store('store-1', '一店', true), store('store-2', '二店', true)],
  products: [
    {
      id: 'product-eyes',
      name: '双眼皮',
      category: 'eyes',
      priceFen: 680_000,
      durationMinutes: 90,
      storeIds: [],
      active: true,
      version: 0,
      editable: true,
    },
  ],
});

export const STORE_MANAGER_SETTINGS: AdminSettings = adminContract.getSettings.output.parse({
  ...CHAIN_SETTINGS,
  canEditSettings: false,
  stores: [store('store-1', '一店', true)],
  products: [
    { ...CHAIN_SETTINGS.products[0], editable: false },
    {
      id: 'product-breast',
      name: '胸部整形',
      category: 'breast',
      durationMinutes: 120,
      storeIds: ['store-1'],
      active: true,
      version: 2,
      editable: true,
    },
  ],
});

export const auditPage = (ids: string[], nextCursor?: string): AuditPage =>
  adminContract.listAudit.output.parse({
    items: ids.map((id, i) => ({
      id,
      source: 'log',
      at: `2027-03-01T0${i % 10}:00:00.000Z`,
      kind: 'settings',
      kindLabel: '设置变更',
      action: 'settings.update',
      outcome: 'allowed',
      actorId: 'staff-gm',
      actorName: '宋志远',
      targetId: 'chain-yuemei',
      message: '修改渠道与归属：老带新提前建档天数',
      section: 'attribution',
      sectionLabel: '渠道与归属',
      version: i + 1,
      changes: [{ path: 'minLeadDays', label: '老带新提前建档天数', before: 1, after: 2 }],
    })),
    ...(nextCursor ? { nextCursor } : {}),
  });
