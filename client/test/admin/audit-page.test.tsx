import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import AuditPage from '../../src/packages/admin/pages/audit/index';
import * as admin from '../../src/services/admin-settings';
import { resetTaroMocks, setPlatform } from '../helpers';
import { failResult, okResult, resetServiceMocks } from '../staff-fixtures';
import { CHAIN_SETTINGS, auditPage } from './admin-fixtures';

jest.mock('../../src/services/admin-settings');
const svc = jest.mocked(admin);

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
  resetServiceMocks(admin);
  svc.loadAdminSettings.mockResolvedValue(okResult(CHAIN_SETTINGS));
});

describe('审计日志', () => {
  it('lists entries newest first with what changed; 加载更多 asks for the next page with the cursor', async () => {
    svc.loadAuditPage
      .mockResolvedValueOnce(okResult(auditPage(['a1', 'a2'], 'cursor-2')))
      .mockResolvedValueOnce(okResult(auditPage(['a3'])));
    render(<AuditPage />);
    const first = await screen.findByTestId('audit-item-a1');
    expect(within(first).getByTestId('audit-message').textContent).toBe('修改渠道与归属：老带新提前建档天数');
    expect(within(first).getByTestId('audit-changes').textContent).toBe('老带新提前建档天数：1 天 → 2 天');
    expect(within(first).getByTestId('audit-who').textContent).toBe('宋志远');
    expect(svc.loadAuditPage).toHaveBeenLastCalledWith({ limit: 20 });
    fireEvent.click(screen.getByTestId('audit-more'));
    await screen.findByTestId('audit-item-a3');
    expect(svc.loadAuditPage).toHaveBeenLastCalledWith({ limit: 20, cursor: 'cursor-2' });
    expect(screen.getAllByTestId(/^audit-item-/)).toHaveLength(3);
    expect(screen.queryByTestId('audit-more')).toBeNull();
  });

  it('filters by kind and store at once, by days with 查询; a wrong date is said under the dates', async () => {
    svc.loadAuditPage.mockResolvedValue(okResult(auditPage([])));
    render(<AuditPage />);
    await screen.findByTestId('audit-empty');
    fireEvent.click(screen.getByTestId('audit-kind-refused_change'));
    await waitFor(() => expect(svc.loadAuditPage).toHaveBeenLastCalledWith({ kind: 'refused_change', limit: 20 }));
    fireEvent.click(await screen.findByTestId('audit-store-store-2'));
    await waitFor(() =>
      expect(svc.loadAuditPage).toHaveBeenLastCalledWith({ kind: 'refused_change', storeId: 'store-2', limit: 20 }),
    );
    fireEvent.change(screen.getByTestId('audit-from'), { target: { value: '2027-03-05' } });
    fireEvent.change(screen.getByTestId('audit-to'), { target: { value: '2027-03-01' } });
    const calls = svc.loadAuditPage.mock.calls.length;
    fireEvent.click(screen.getByTestId('audit-apply'));
    expect(screen.getByTestId('error-audit-dates').textContent).toBe('结束日期不能早于开始日期');
    expect(svc.loadAuditPage.mock.calls.length).toBe(calls);
    fireEvent.change(screen.getByTestId('audit-to'), { target: { value: '2027-03-31' } });
    fireEvent.click(screen.getByTestId('audit-apply'));
    await waitFor(() =>
      expect(svc.loadAuditPage).toHaveBeenLastCalledWith({
        kind: 'refused_change',
        storeId: 'store-2',
        from: '2027-03-05',
        to: '2027-03-31',
        limit: 20,
      }),
    );
  });

  it('tapping who did it shows only their entries; a failed next page can be retried', async () => {
    svc.loadAuditPage.mockResolvedValue(okResult(auditPage(['a1'], 'c')));
    render(<AuditPage />);
    fireEvent.click(within(await screen.findByTestId('audit-item-a1')).getByTestId('audit-who'));
    await waitFor(() => expect(svc.loadAuditPage).toHaveBeenLastCalledWith({ actorId: 'staff-gm', limit: 20 }));
    await screen.findByTestId('audit-actor');
    svc.loadAuditPage.mockResolvedValueOnce(failResult('NETWORK', '网络不可用'));
    fireEvent.click(await screen.findByTestId('audit-more'));
    await waitFor(() => expect(screen.getByTestId('audit-more').textContent).toBe('加载失败，点此重试'));
  });

  it('an error loading the log can be retried', async () => {
    svc.loadAuditPage.mockResolvedValueOnce(failResult('FORBIDDEN', '您没有权限进行此操作'));
    svc.loadAuditPage.mockResolvedValueOnce(okResult(auditPage(['a1'])));
    render(<AuditPage />);
    expect((await screen.findByTestId('audit-error')).textContent).toContain('您没有权限进行此操作');
    fireEvent.click(screen.getByTestId('retry-button'));
    await screen.findByTestId('audit-item-a1');
  });
});
