import { render, screen } from '@testing-library/react';
import Dashboard from '../../src/packages/admin/pages/reports/index';
import { USER, VISITOR, cloudCall, resetTaroMocks, setPlatform } from '../helpers';

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
});

describe('经营看板 checks the role on the server, not by hiding the link', () => {
  it('a customer who opens the page by its path is refused', async () => {
    cloudCall.mockResolvedValueOnce({ errMsg: 'ok', result: { ok: true, data: USER } });
    render(<Dashboard />);
    expect((await screen.findByTestId('admin-denied')).textContent).toContain('无权查看经营看板');
    expect(screen.queryByTestId('admin-placeholder')).toBeNull();
  });

  it('a manager gets in', async () => {
    cloudCall.mockResolvedValueOnce({
      errMsg: 'ok',
      result: { ok: true, data: { ...VISITOR, roles: ['staff', 'manager'] } },
    });
    render(<Dashboard />);
    expect(await screen.findByTestId('admin-placeholder')).toBeTruthy();
  });
});
