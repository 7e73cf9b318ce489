import { FRESH_MS, knownMember, markMemberStale, memberIsFresh, signInMember } from '../../src/services/session';
import { setCurrentIdentity } from '../../src/services/demo-identity';
import { USER, cloudCall, jsonResponse, mockFetch, resetTaroMocks, setPlatform } from '../helpers';

const answer = (data: unknown) => cloudCall.mockResolvedValueOnce({ errMsg: 'ok', result: { ok: true, data } });
const T0 = 1_800_000_000_000;

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
});

describe('the signed-in person, shared by the tab pages', () => {
  it('one sign-in serves every page: the record is known and fresh for FRESH_MS', async () => {
    answer(USER);
    expect(knownMember()).toBeNull();
    await signInMember(() => T0);
    expect(knownMember()).toEqual(USER);
    expect(memberIsFresh(T0 + FRESH_MS - 1)).toBe(true);
    expect(memberIsFresh(T0 + FRESH_MS)).toBe(false);
    // Still known after that (a page shows it while it refreshes).
    expect(knownMember()).toEqual(USER);
    expect(cloudCall).toHaveBeenCalledTimes(1);
  });

  it('pages asking at the same time share one call', async () => {
    answer(USER);
    const [a, b] = await Promise.all([signInMember(), signInMember()]);
    expect(a).toEqual(b);
    expect(cloudCall).toHaveBeenCalledTimes(1);
  });

  it('a change made here (booking, joining) makes the next show ask again', async () => {
    answer(USER);
    await signInMember(() => T0);
    markMemberStale();
    expect(memberIsFresh(T0 + 1)).toBe(false);
    expect(knownMember()).toEqual(USER);
  });

  it('a failed sign-in keeps what was known and is not shared with the next attempt', async () => {
    answer(USER);
    await signInMember(() => T0);
    cloudCall.mockResolvedValueOnce({ errMsg: 'ok', result: { ok: false, code: 'INTERNAL', message: '系统繁忙' } });
    expect((await signInMember(() => T0 + 1)).ok).toBe(false);
    expect(knownMember()).toEqual(USER);
    answer(USER);
    expect((await signInMember()).ok).toBe(true);
  });

  it('H5: another demo identity is another person — nothing of the first is known to them', async () => {
    setPlatform('h5');
    setCurrentIdentity({ openid: 'demo-customer-wangli', name: '王丽', kind: 'customer', label: '老客 · 王丽' });
    mockFetch().mockResolvedValue(jsonResponse({ ok: true, data: USER }));
    expect((await signInMember()).ok).toBe(true);
    expect(knownMember()).toEqual(USER);
    setCurrentIdentity({ openid: 'demo-newcomer-1', name: '林小雨', kind: 'newcomer', label: '新客 · 林小雨' });
    expect(knownMember()).toBeNull();
    expect(memberIsFresh()).toBe(false);
  });
});
