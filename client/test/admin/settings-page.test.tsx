import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_SETTINGS, adminContract } from '@clinic/shared';
import SettingsPage from '../../src/packages/admin/pages/settings/index';
import * as admin from '../../src/services/admin-settings';
import { resetTaroMocks, setPlatform } from '../helpers';
import { failResult, okResult, resetServiceMocks } from '../staff-fixtures';
import { CHAIN_SETTINGS, STORE_MANAGER_SETTINGS } from './admin-fixtures';

jest.mock('../../src/services/admin-settings');
const svc = jest.mocked(admin);

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
  resetServiceMocks(admin);
  svc.loadAdminSettings.mockResolvedValue(okResult(CHAIN_SETTINGS));
});

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const saved = (over: Partial<typeof DEFAULT_SETTINGS>, version: number, changed: string[]) =>
  okResult(
    adminContract.updateSettings.output.parse({
      settings: { ...DEFAULT_SETTINGS, ...over },
      version,
      lastChange: { staffId: 'staff-gm', name: '宋志远', at: '2027-03-01T03:00:00.000Z', section: 'attribution' },
      changed,
    }),
  );

describe('门店设置: a section’s form', () => {
  it('shows the version and who changed it; a section saves with the version it was made from, in stored units', async () => {
    svc.saveSettingsSection.mockResolvedValue(saved({ minLeadDays: 2 }, 4, ['minLeadDays']));
    render(<SettingsPage />);
    expect((await screen.findByTestId('settings-version')).textContent).toBe(
      '第 3 版 · 宋志远 于 2027-03-01 10:00 修改了奖励政策',
    );
    fireEvent.click(screen.getByTestId('section-attribution-edit'));
    const row = screen.getByTestId('row-minLeadDays');
    expect(within(row).getByText('老带新提前建档天数')).toBeTruthy();
    expect(within(row).getByText('天')).toBeTruthy();
    type('field-minLeadDays', '2');
    fireEvent.click(screen.getByTestId('section-attribution-save'));
    await screen.findByTestId('section-attribution-saved');
    expect(svc.saveSettingsSection).toHaveBeenCalledWith({
      section: 'attribution',
      expectedVersion: 3,
      value: { channels: DEFAULT_SETTINGS.channels, cardReferralChannel: 'referral', minLeadDays: 2 },
    });
    expect(screen.getByTestId('section-attribution-saved').textContent).toContain('1 项已更新并记入审计日志');
    expect(screen.getByTestId('settings-version').textContent).toMatch(/^第 4 版/);
  });

  it('percent and 元 are typed as such: the rebate rate 7.5% is sent as 750 basis points', async () => {
    svc.saveSettingsSection.mockResolvedValue(saved({}, 4, ['rewards.policies.0.rateBp']));
    render(<SettingsPage />);
    fireEvent.click(await screen.findByTestId('section-rewards-edit'));
    const rate = screen.getByTestId('row-rewards.policies.0.rateBp');
    expect(within(rate).getByText('%')).toBeTruthy();
    expect((screen.getByTestId('field-rewards.policies.0.rateBp') as HTMLInputElement).value).toBe('5');
    expect(within(screen.getByTestId('row-rewards.policies.0.minDealFen')).getByText('元')).toBeTruthy();
    type('field-rewards.policies.0.rateBp', '7.5');
    fireEvent.click(screen.getByTestId('section-rewards-save'));
    await waitFor(() => expect(svc.saveSettingsSection).toHaveBeenCalled());
    const sent = svc.saveSettingsSection.mock.calls[0]![0].value as any;
    expect(sent.rewards.policies[0].rateBp).toBe(750);
  });

  it('a wrong value is shown under its field before anything is sent', async () => {
    render(<SettingsPage />);
    fireEvent.click(await screen.findByTestId('section-followUp-edit'));
    type('field-followUp.escalateAfterDays', '6');
    type('field-followUp.reassignAfterDays', '3');
    type('field-followUp.fallbackDays', '十天');
    fireEvent.click(screen.getByTestId('section-followUp-save'));
    expect(screen.getByTestId('error-followUp.fallbackDays').textContent).toBe('请输入整数');
    expect(screen.getByTestId('section-followUp-error').textContent).toBe('请修改标红的内容后再保存');
    expect(svc.saveSettingsSection).not.toHaveBeenCalled();
    type('field-followUp.fallbackDays', '10');
    expect(screen.queryByTestId('error-followUp.fallbackDays')).toBeNull();
    fireEvent.click(screen.getByTestId('section-followUp-save'));
    expect(screen.getByTestId('error-followUp.reassignAfterDays').textContent).toContain('不能少于');
    expect(svc.saveSettingsSection).not.toHaveBeenCalled();
  });

  it('the server’s field errors go under their fields (without repeating the field’s name)', async () => {
    svc.saveSettingsSection.mockResolvedValue(
      failResult('INVALID_INPUT', '小程序码场景值前缀：场景值前缀含有不允许的字符（字段 referralCode.scenePrefix）'),
    );
    render(<SettingsPage />);
    fireEvent.click(await screen.findByTestId('section-referralCode-edit'));
    type('field-referralCode.bodyLength', '8');
    fireEvent.click(screen.getByTestId('section-referralCode-save'));
    expect((await screen.findByTestId('error-referralCode.scenePrefix')).textContent).toBe(
      '场景值前缀含有不允许的字符',
    );
    expect(screen.getByTestId('section-referralCode-error').textContent).toBe('请修改标红的内容后再保存');
  });

  it('someone saved first: the conflict is said, nothing is overwritten, 重新加载 shows the latest', async () => {
    svc.saveSettingsSection.mockResolvedValue(
      failResult('STALE_VERSION', '宋志远 刚刚保存了新的内容（第 4 版），您的修改未保存。请刷新后在最新内容上重新修改'),
    );
    render(<SettingsPage />);
    fireEvent.click(await screen.findByTestId('section-privacy-edit'));
    type('field-privacyNoticeVersion', '2027-03');
    fireEvent.click(screen.getByTestId('section-privacy-save'));
    expect((await screen.findByTestId('section-privacy-conflict')).textContent).toContain('您的修改未保存');
    svc.loadAdminSettings.mockResolvedValue(
      okResult({
        ...CHAIN_SETTINGS,
        version: 4,
        settings: { ...CHAIN_SETTINGS.settings, privacyNoticeVersion: '2027-02' },
      }),
    );
    fireEvent.click(screen.getByTestId('section-privacy-reload'));
    await waitFor(() => expect(screen.queryByTestId('section-privacy-conflict')).toBeNull());
    // The section shows the latest settings, no longer in edit mode: 修改 starts again from them.
    expect(screen.getByTestId('field-privacyNoticeVersion').textContent).toBe('2027-02');
    expect(screen.getByTestId('section-privacy-edit')).toBeTruthy();
  });
});

describe('门店设置: who may change what', () => {
  it('a store manager reads the chain’s rules (no 修改) and edits their own store and products', async () => {
    svc.loadAdminSettings.mockResolvedValue(okResult(STORE_MANAGER_SETTINGS));
    render(<SettingsPage />);
    await screen.findByTestId('settings-read-only');
    expect(screen.queryByTestId('section-rewards-edit')).toBeNull();
    fireEvent.click(screen.getByTestId('section-rewards-toggle'));
    // Read, not edited: values with their unit, an empty cap as what it means.
    expect(screen.getByTestId('field-rewards.policies.0.rateBp').textContent).toBe('5%');
    expect(screen.getByTestId('field-rewards.policies.0.capPerCustomer').textContent).toBe('不限');
    expect(screen.getByTestId('store-store-1-hours-0').textContent).toBe('09:30–20:00');
    expect(screen.getByTestId('store-store-1-edit')).toBeTruthy();
    expect(screen.queryByTestId('store-store-2')).toBeNull();
    expect(screen.queryByTestId('product-product-eyes-edit')).toBeNull();
    expect(screen.getByTestId('product-product-breast-edit')).toBeTruthy();
  });

  it('a page nobody may see says so', async () => {
    svc.loadAdminSettings.mockResolvedValue(failResult('FORBIDDEN', '您没有权限进行此操作'));
    render(<SettingsPage />);
    expect((await screen.findByTestId('settings-denied')).textContent).toContain('仅向店长、总经理与管理员开放');
  });
});

describe('门店设置: a store', () => {
  it('closes a weekday, adds a closed date, changes places per slot; saved with the store’s version', async () => {
    const store = CHAIN_SETTINGS.stores[0]!;
    svc.saveStore.mockImplementation(async (input) =>
      okResult({
        store: { ...store, ...(input.store as object), version: 1 } as typeof store,
        changed: ['capacityPerSlot'],
      }),
    );
    render(<SettingsPage />);
    fireEvent.click(await screen.findByTestId('store-store-1-edit'));
    fireEvent.click(screen.getByTestId('store-store-1-rest-0')); // Monday: 休息
    fireEvent.click(screen.getByTestId('store-store-1-open-day-6')); // Saturday open
    type('store-store-1-capacity', '4');
    type('store-store-1-closed-new', '2027-03-02');
    fireEvent.click(screen.getByTestId('store-store-1-closed-add'));
    fireEvent.click(screen.getByTestId('store-store-1-save'));
    await screen.findByTestId('store-store-1-saved');
    expect(svc.saveStore).toHaveBeenCalledWith({
      storeId: 'store-1',
      expectedVersion: 0,
      store: {
        openingHours: [
          ...[2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:30', close: '20:00' })),
          { weekday: 6, open: '09:30', close: '20:00' },
        ],
        closedDates: ['2027-03-02', '2027-03-15'],
        slotMinutes: 30,
        capacityPerSlot: 4,
        photoFileIds: store.photoFileIds,
      },
    });
  });

  it('a closing time too early for one slot is shown under the row, nothing sent', async () => {
    render(<SettingsPage />);
    fireEvent.click(await screen.findByTestId('store-store-1-edit'));
    type('store-store-1-close-0', '09:40');
    fireEvent.click(screen.getByTestId('store-store-1-save'));
    expect(screen.getByTestId('error-store-store-1-hours-0').textContent).toBe(
      '须晚于开门时间至少一个预约时段（30 分钟）',
    );
    expect(svc.saveStore).not.toHaveBeenCalled();
  });
});

describe('门店设置: products', () => {
  it('a new product: price typed in 元 is sent in fen', async () => {
    svc.saveProduct.mockImplementation(async (input) =>
      okResult(
        adminContract.upsertProduct.output.parse({
          product: { id: 'product-new', ...(input.product as object), version: 1, editable: true },
          created: true,
          changed: ['name'],
        }),
      ),
    );
    render(<SettingsPage />);
    fireEvent.click(await screen.findByTestId('product-new'));
    type('product-form-new-name', '光子嫩肤');
    fireEvent.click(screen.getByTestId('product-form-new-category-rejuvenation'));
    type('product-form-new-price', '680.5');
    type('product-form-new-duration', '45');
    fireEvent.click(screen.getByTestId('product-form-new-store-store-2'));
    fireEvent.click(screen.getByTestId('product-form-new-save'));
    await screen.findByTestId('product-product-new');
    expect(svc.saveProduct).toHaveBeenCalledWith({
      expectedVersion: 0,
      product: {
        name: '光子嫩肤',
        category: 'rejuvenation',
        priceFen: 68_050,
        durationMinutes: 45,
        storeIds: ['store-2'],
        active: true,
      },
    });
  });
});
