import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Index from '../../src/pages/index/index';
import { setCurrentIdentity, type DemoIdentity } from '../../src/services/demo-identity';
import {
  NEW_CUSTOMER,
  USER,
  VISITOR,
  cloudCall,
  cloudCalls,
  jsonResponse,
  mockFetch,
  resetTaroMocks,
  sentRequest,
  setPlatform,
} from '../helpers';

const loginCalls = () => cloudCalls().filter((c) => c.call === 'user.login').length;

const PEOPLE: DemoIdentity[] = [
  { openid: 'demo-old-1', name: '王女士', kind: 'customer', label: '老客 · 2025 年做过光子嫩肤' },
  { openid: 'demo-new-1', name: '陈小姐', kind: 'newcomer', label: '新客 · 王女士推荐' },
  { openid: 'demo-staff-1', name: '李顾问', kind: 'staff', label: '客服二部 · 咨询师' },
  { openid: 'demo-mgr-1', name: '赵店长', kind: 'manager', label: '店长' },
];

/** A promise the test settles by hand, to look at the loading state. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

let fetchMock: jest.Mock;
beforeEach(() => {
  resetTaroMocks();
  fetchMock = mockFetch();
});

describe('home page in weapp', () => {
  beforeEach(() => setPlatform('weapp'));

  it('signs in on load: loading, then who the person is to the clinic', async () => {
    const call = deferred<unknown>();
    cloudCall.mockReturnValueOnce(call.promise);
    render(<Index />);

    expect(screen.getByText('悦美医疗美容')).toBeTruthy();
    expect(screen.getByTestId('login-loading').textContent).toContain('正在登录');
    expect(screen.queryByTestId('demo-signin')).toBeNull();

    await act(async () => call.resolve({ errMsg: 'cloud.callFunction:ok', result: { ok: true, data: USER } }));

    const member = screen.getByTestId('home-member');
    expect(within(member).getByTestId('member-standing').textContent).toBe('老客');
    expect(within(member).getByTestId('member-phone').textContent).toContain('130****1966');
    expect(screen.queryByTestId('login-loading')).toBeNull();
    // No debug account details ship: no user id, no role list, no creation time.
    expect(screen.queryByText('u_8f3a2c')).toBeNull();
    expect(screen.queryByText('用户编号')).toBeNull();
    expect(screen.queryByText('创建时间')).toBeNull();
    // Signed in, the home page goes on to load the stores; user.login itself ran once.
    expect(loginCalls()).toBe(1);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('a 新客 after her first booking is labelled 新客 and gets no referral card entry (a person is 新客 until the first paid deal)', async () => {
    cloudCall.mockResolvedValueOnce({ errMsg: 'ok', result: { ok: true, data: NEW_CUSTOMER } });
    render(<Index />);
    const member = await screen.findByTestId('home-member');
    expect(member.getAttribute('data-standing')).toBe('new');
    expect(within(member).getByTestId('member-standing').textContent).toBe('新客');
    expect(within(member).getByTestId('member-next-step').textContent).toContain('首次消费后即可开通专属推荐卡');
    expect(screen.queryByTestId('home-card')).toBeNull();
    expect(screen.getByTestId('home-book')).toBeTruthy();
  });

  it('a 老客 gets 我的推荐卡; 预约到院 switches to the 预约 tab', async () => {
    cloudCall.mockResolvedValueOnce({ errMsg: 'ok', result: { ok: true, data: USER } });
    render(<Index />);
    fireEvent.click(await screen.findByTestId('home-card'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/customer/pages/card/index' });
    fireEvent.click(screen.getByTestId('home-book'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/booking/index' });
  });

  it('someone who has not booked yet sees neither a standing badge nor the card', async () => {
    cloudCall.mockResolvedValueOnce({ errMsg: 'ok', result: { ok: true, data: VISITOR } });
    render(<Index />);
    const member = await screen.findByTestId('home-member');
    expect(member.getAttribute('data-standing')).toBe('visitor');
    expect(screen.queryByTestId('member-standing')).toBeNull();
    expect(screen.queryByTestId('home-card')).toBeNull();
  });

  it('shows the staff and manager entries only for those roles', async () => {
    cloudCall.mockResolvedValueOnce({
      errMsg: 'ok',
      result: { ok: true, data: { ...VISITOR, roles: ['staff', 'manager'] } },
    });
    render(<Index />);
    fireEvent.click(await screen.findByTestId('home-dashboard'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/admin/pages/reports/index' });
    fireEvent.click(screen.getByTestId('home-workbench'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/workbench/index' });
  });

  it('shows the error with a retry that signs in again', async () => {
    cloudCall
      .mockResolvedValueOnce({ errMsg: 'ok', result: { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' } })
      .mockResolvedValueOnce({ errMsg: 'ok', result: { ok: true, data: USER } });
    render(<Index />);

    const error = await screen.findByTestId('error-state');
    expect(error.textContent).toContain('系统繁忙，请稍后再试');
    expect(screen.queryByTestId('home-member')).toBeNull();

    fireEvent.click(within(error).getByText('重试'));
    expect(await screen.findByTestId('home-member')).toBeTruthy();
    expect(screen.queryByTestId('error-state')).toBeNull();
    expect(loginCalls()).toBe(2);
  });

  it('shows the network message when WeChat cannot reach the cloud', async () => {
    cloudCall.mockRejectedValueOnce({ errMsg: 'cloud.callFunction:fail request:fail' });
    render(<Index />);
    expect((await screen.findByTestId('error-state')).textContent).toContain('网络不可用，请稍后重试');
  });
});

describe('home page in H5 (demo sign-in)', () => {
  beforeEach(() => setPlatform('h5'));

  /** Routes the fake gateway: identities list, then user.login answers in order. */
  function gateway(identities: unknown, ...logins: unknown[]) {
    fetchMock.mockImplementation(async (url: string) => {
      if (url === '/api/demo/identities')
        return identities instanceof Error ? Promise.reject(identities) : jsonResponse(identities);
      if (url === '/api/functions/user') {
        const next = logins.shift();
        if (next instanceof Error) throw next;
        return jsonResponse(next);
      }
      throw new Error(`unexpected ${url}`);
    });
  }

  it('lists the identities by kind and shows the empty state before a choice', async () => {
    gateway(PEOPLE);
    render(<Index />);
    expect(screen.getByTestId('identities-loading')).toBeTruthy();

    const panel = await screen.findByTestId('demo-identity-demo-old-1');
    expect(panel.textContent).toContain('王女士');
    const signin = screen.getByTestId('demo-signin');
    expect(signin.textContent).toContain('演示登录');
    for (const label of ['老客', '新客', '员工', '管理者']) expect(within(signin).getByText(label)).toBeTruthy();
    expect(screen.getByTestId('login-empty')).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(1); // no login before a choice
  });

  it('choosing an identity signs in as that person and shows who they are', async () => {
    gateway(PEOPLE, { ok: true, data: { ...VISITOR, roles: ['staff'] } });
    render(<Index />);
    fireEvent.click(await screen.findByTestId('demo-identity-demo-staff-1'));

    expect(await screen.findByTestId('home-member')).toBeTruthy();
    expect(screen.getByTestId('home-workbench')).toBeTruthy();
    const sent = sentRequest(fetchMock, 1);
    expect(sent.headers['X-Demo-Openid']).toBe('demo-staff-1');
    expect(sent.body).toEqual({ action: 'login', data: {} });
    expect(screen.getByTestId('demo-identity-demo-staff-1').getAttribute('data-selected')).toBe('true');
  });

  it('a demo staff member reaches the workbench from home; switching to a customer hides it', async () => {
    gateway(PEOPLE, { ok: true, data: { ...USER, roles: ['customer', 'staff'] } }, { ok: true, data: USER });
    render(<Index />);
    fireEvent.click(await screen.findByTestId('demo-identity-demo-staff-1'));
    fireEvent.click(await screen.findByTestId('home-workbench'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/workbench/index' });

    fireEvent.click(screen.getByTestId('demo-identity-demo-old-1'));
    // Wait for the customer's record itself (the workbench also disappears while it loads).
    await waitFor(() => expect(screen.getByTestId('member-standing').textContent).toBe('老客'));
    expect(screen.queryByTestId('home-workbench')).toBeNull();
  });

  it('shows a login error with a retry', async () => {
    gateway(PEOPLE, new TypeError('Failed to fetch'), { ok: true, data: USER });
    render(<Index />);
    fireEvent.click(await screen.findByTestId('demo-identity-demo-old-1'));

    const error = await screen.findByTestId('error-state');
    expect(error.textContent).toContain('网络不可用，请稍后重试');
    fireEvent.click(within(error).getByTestId('retry-button'));
    expect(await screen.findByTestId('home-member')).toBeTruthy();
  });

  it('keeps only the latest choice when two sign-ins overlap', async () => {
    const first = deferred<unknown>();
    fetchMock.mockImplementation(async (url: string, init?: { headers: Record<string, string> }) => {
      if (url === '/api/demo/identities') return jsonResponse(PEOPLE);
      if (init?.headers['X-Demo-Openid'] === 'demo-old-1') return first.promise;
      return jsonResponse({ ok: true, data: { ...VISITOR, roles: ['staff', 'manager'] } });
    });
    render(<Index />);
    fireEvent.click(await screen.findByTestId('demo-identity-demo-old-1'));
    fireEvent.click(screen.getByTestId('demo-identity-demo-mgr-1'));
    expect(await screen.findByTestId('home-dashboard')).toBeTruthy();

    await act(async () => first.resolve(jsonResponse({ ok: true, data: USER })));
    expect(screen.getByTestId('home-dashboard')).toBeTruthy();
    expect(screen.queryByTestId('home-card')).toBeNull();
  });

  it('signs the remembered identity in again on the next visit', async () => {
    setCurrentIdentity(PEOPLE[1]);
    gateway(PEOPLE, { ok: true, data: USER });
    render(<Index />);
    expect(await screen.findByTestId('home-member')).toBeTruthy();
    expect(sentRequest(fetchMock, 1).headers['X-Demo-Openid']).toBe('demo-new-1');
    expect(loginCalls() + fetchMock.mock.calls.filter(([u]) => u === '/api/functions/user').length).toBe(1);
  });

  it('shows an error with retry when the identities cannot be loaded', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValueOnce(jsonResponse(PEOPLE));
    render(<Index />);
    const error = await screen.findByTestId('error-state');
    expect(error.textContent).toContain('网络不可用');
    fireEvent.click(within(error).getByText('重试'));
    expect(await screen.findByTestId('demo-identity-demo-mgr-1')).toBeTruthy();
  });

  it('shows an empty state when there are no demo identities', async () => {
    gateway([]);
    render(<Index />);
    expect((await screen.findByTestId('identities-empty')).textContent).toContain('暂无演示身份');
    await waitFor(() => expect(screen.getByTestId('login-empty')).toBeTruthy());
  });
});
