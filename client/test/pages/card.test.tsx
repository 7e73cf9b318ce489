import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro, { useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import Card from '../../src/packages/customer/pages/card/index';
import { setRouterParams } from '../mocks/taro';
import { cloudCalls, fail, ok, resetTaroMocks, routeCloud, setPlatform } from '../helpers';
import { CARD } from '../fixtures';
import { recordingContext, textsOf } from '../canvas';

const EMPTY_REWARDS = { balanceFen: 0, points: 0, pendingReferrals: 0, items: [] };

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
});

function gateway(overrides: Record<string, (data: any) => unknown> = {}) {
  routeCloud({
    'referral.getMyCard': () => ok(CARD),
    'referral.listMyReferrals': () => ok({ items: [] }),
    'referral.listMyRewards': () => ok(EMPTY_REWARDS),
    ...overrides,
  });
}

describe('referral card page', () => {
  it('shows the code, the QR, the rules, and empty referrals and rewards', async () => {
    gateway();
    render(<Card />);
    expect(screen.getByTestId('card-loading')).toBeTruthy();
    expect((await screen.findByTestId('card-code')).textContent).toBe('34MJW8AR');
    expect(screen.getByTestId('card-qr').getAttribute('src')).toBe(CARD.qrUrl);
    expect(screen.getByTestId('card-rules').textContent).toContain('好友到院并首次消费后');
    expect((await screen.findByTestId('referrals-empty')).textContent).toContain('还没有好友');
    expect((await screen.findByTestId('rewards-empty')).textContent).toContain('暂无奖励记录');
    expect(screen.getByTestId('rewards-balance').textContent).toBe('¥0');
  });

  it('R2 and R9 in the rules: the clinic’s lead time, and both rewards kept when it is not met', async () => {
    gateway({ 'referral.getMyCard': () => ok({ ...CARD, referralTerms: { minLeadDays: 2 } }) });
    render(<Card />);
    const rules = await screen.findAllByTestId('card-rule');
    expect(rules).toHaveLength(4);
    expect(rules[3]?.textContent).toBe(
      '4. 好友须至少提前 2 天预约，门店才计为老带新推荐；不足 2 天的不计为老带新推荐，但推荐关系保留，您与好友的奖励照常发放。',
    );
  });

  it('a clinic that files card bookings under 小程序 shows no lead-time rule', async () => {
    gateway({ 'referral.getMyCard': () => ok({ ...CARD, referralTerms: { minLeadDays: null } }) });
    render(<Card />);
    expect(await screen.findAllByTestId('card-rule')).toHaveLength(3);
    expect(screen.getByTestId('card-rules').textContent).not.toContain('提前');
  });

  it('an old customer who is not one yet sees why, with the phone binding', async () => {
    gateway({
      'referral.getMyCard': () => fail('NOT_EXISTING_CUSTOMER', '首次消费后即可开通专属推荐卡'),
    });
    render(<Card />);
    const empty = await screen.findByTestId('card-not-customer');
    expect(empty.textContent).toContain('首次消费后即可开通专属推荐卡');
    expect(within(empty).getByTestId('bind-phone')).toBeTruthy();
  });

  it('an error has a retry', async () => {
    let first = true;
    gateway({
      'referral.getMyCard': () => {
        if (!first) return ok(CARD);
        first = false;
        return fail('INTERNAL', '系统繁忙，请稍后再试');
      },
    });
    render(<Card />);
    const error = await screen.findByTestId('card-error');
    expect(error.textContent).toContain('系统繁忙');
    fireEvent.click(within(error).getByTestId('retry-button'));
    expect(await screen.findByTestId('card-code')).toBeTruthy();
  });

  it('lists errors of referrals and rewards in their own sections', async () => {
    gateway({
      'referral.listMyReferrals': () => fail('INTERNAL', '推荐记录暂不可用'),
      'referral.listMyRewards': () => fail('INTERNAL', '奖励暂不可用'),
    });
    render(<Card />);
    expect((await screen.findByTestId('referrals-error')).textContent).toContain('推荐记录暂不可用');
    expect((await screen.findByTestId('rewards-error')).textContent).toContain('奖励暂不可用');
    expect(screen.getByTestId('card-code')).toBeTruthy();
  });

  it('lists referrals masked with their status and the reward ledger', async () => {
    gateway({
      'referral.listMyReferrals': () =>
        ok({
          items: [
            {
              maskedName: '林*',
              maskedPhone: '170****0001',
              filedOn: '2026-11-23',
              status: 'booked',
              rewardCredited: false,
            },
            {
              maskedName: '苏*',
              maskedPhone: '170****0002',
              filedOn: '2026-10-02',
              status: 'dealt',
              rewardCredited: true,
            },
          ],
        }),
      'referral.listMyRewards': () =>
        ok({
          balanceFen: 25_000,
          points: 0,
          pendingReferrals: 1,
          items: [
            {
              id: 'l1',
              type: 'credit',
              kind: 'rebate',
              amount: 30_000,
              unit: 'fen',
              at: '2026-10-10T02:00:00Z',
              expiresOn: '2027-10-10',
            },
            { id: 'l2', type: 'use', kind: 'rebate', amount: 5_000, unit: 'fen', at: '2026-11-01T02:00:00Z' },
          ],
        }),
    });
    render(<Card />);
    await waitFor(() => expect(screen.getAllByTestId('referral-item')).toHaveLength(2));
    const [first, second] = screen.getAllByTestId('referral-item');
    expect(first?.textContent).toContain('林* 170****0001');
    expect(first?.textContent).toContain('已预约');
    expect(second?.textContent).toContain('已成交');
    await waitFor(() => expect(screen.getAllByTestId('reward-item')).toHaveLength(2));
    expect(screen.getByTestId('rewards-balance').textContent).toBe('¥250');
    expect(screen.getByTestId('rewards-pending').textContent).toBe('1');
    const ledger = screen.getAllByTestId('reward-item').map((r) => r.textContent);
    expect(ledger[0]).toContain('已到账');
    expect(ledger[1]).toContain('已使用');
  });

  it('shows a friend who cancelled as 已取消 in grey, a deal highlighted', async () => {
    const friend = (status: string, phone: string) => ({
      maskedName: '林*',
      maskedPhone: phone,
      filedOn: '2026-11-23',
      status,
      rewardCredited: status === 'dealt',
    });
    gateway({
      'referral.listMyReferrals': () =>
        ok({ items: [friend('cancelled', '170****0001'), friend('dealt', '170****0002')] }),
    });
    render(<Card />);
    await waitFor(() => expect(screen.getAllByTestId('referral-status')).toHaveLength(2));
    const [cancelled, dealt] = screen.getAllByTestId('referral-status');
    expect(cancelled?.textContent).toBe('已取消');
    expect(cancelled?.className).toContain('tag--grey');
    expect(dealt?.textContent).toBe('已成交');
    expect(dealt?.className).not.toContain('tag--grey');
  });

  it('shares the card to a chat (the landing path with the code); no path to copy in WeChat', async () => {
    gateway();
    render(<Card />);
    expect((await screen.findByTestId('card-share')).textContent).toBe('分享给好友');
    expect(screen.queryByTestId('card-share-link')).toBeNull();

    const share = (useShareAppMessage as jest.Mock).mock.calls.at(-1)?.[0] as () => { path: string };
    expect(share().path).toBe('/pages/landing/index?code=34MJW8AR');
    const timeline = (useShareTimeline as jest.Mock).mock.calls.at(-1)?.[0] as () => { query: string };
    expect(timeline().query).toBe('code=34MJW8AR');
  });

  it('revokes and reissues only after a confirm', async () => {
    let code = CARD.code;
    gateway({
      'referral.getMyCard': () => ok({ ...CARD, code, sharePath: `pages/landing/index?code=${code}` }),
      'referral.revokeCard': () => {
        const revokedCode = code;
        code = 'NEWC0DE2'.replace('0', 'Q');
        return ok({ revokedCode });
      },
    });
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    render(<Card />);
    fireEvent.click(await screen.findByTestId('card-revoke'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    // A destructive confirm is red.
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ confirmText: '确定作废', confirmColor: '#c62828' }),
    );
    expect(cloudCalls().some((c) => c.call === 'referral.revokeCard')).toBe(false);

    fireEvent.click(screen.getByTestId('card-revoke'));
    await waitFor(() => expect(screen.getByTestId('card-code').textContent).toBe('NEWCQDE2'));
    expect(cloudCalls().filter((c) => c.call === 'referral.revokeCard')).toHaveLength(1);
  });

  it('opened from Moments with someone’s code, it forwards to the invitation', async () => {
    setRouterParams({ code: '34MJW8AR' });
    gateway();
    render(<Card />);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/landing/index?code=34MJW8AR' });
  });

  it('好友进度提醒: without a banked authorization it offers one; 允许 is banked and the count goes up', async () => {
    (Taro.requestSubscribeMessage as unknown as jest.Mock).mockResolvedValue({ 'tmpl-referral-update': 'accept' });
    gateway({
      'referral.getMyCard': () => ok({ ...CARD, updateTemplateId: 'tmpl-referral-update', updateGrants: 0 }),
      'user.recordSubscription': () => ok({ grants: { 'tmpl-referral-update': 1 } }),
    });
    render(<Card />);
    expect((await screen.findByTestId('referral-updates-left')).textContent).toContain('尚未开启');
    fireEvent.click(screen.getByTestId('referral-updates-subscribe'));
    expect((await screen.findByTestId('referral-updates-note')).textContent).toContain('已开启');
    expect(screen.getByTestId('referral-updates-left').textContent).toContain('还可通知您 1 次');
    expect(screen.getByTestId('referral-updates-subscribe').textContent).toBe('再开启一次');
    expect(cloudCalls().filter((c) => c.call === 'user.recordSubscription')).toEqual([
      { call: 'user.recordSubscription', data: { results: { 'tmpl-referral-update': 'accept' } } },
    ]);
  });

  it('好友进度提醒: a refusal banks nothing and says where progress still shows', async () => {
    (Taro.requestSubscribeMessage as unknown as jest.Mock).mockResolvedValue({ 'tmpl-referral-update': 'reject' });
    gateway({ 'referral.getMyCard': () => ok({ ...CARD, updateTemplateId: 'tmpl-referral-update', updateGrants: 2 }) });
    render(<Card />);
    expect((await screen.findByTestId('referral-updates-left')).textContent).toContain('还可通知您 2 次');
    fireEvent.click(screen.getByTestId('referral-updates-subscribe'));
    expect((await screen.findByTestId('referral-updates-note')).textContent).toContain('我的推荐');
    expect(screen.getByTestId('referral-updates-left').textContent).toContain('2 次');
    expect(cloudCalls().some((c) => c.call === 'user.recordSubscription')).toBe(false);
  });

  it('好友进度提醒 is not offered when the clinic has no template for it', async () => {
    gateway();
    render(<Card />);
    await screen.findByTestId('card-code');
    expect(screen.queryByTestId('referral-updates')).toBeNull();
  });

  describe('推荐海报', () => {
    /** The page's weapp Canvas 2d node, drawing into a recording context; each poster a new temp file. */
    function weappCanvas() {
      const contexts: ReturnType<typeof recordingContext>[] = [];
      const node = {
        width: 300,
        height: 150,
        getContext: () => {
          const ctx = recordingContext();
          contexts.push(ctx);
          return ctx;
        },
        createImage: () => {
          const image = { onload: () => undefined, onerror: () => undefined, width: 430, height: 430 } as Record<
            string,
            unknown
          >;
          Object.defineProperty(image, 'src', { set: () => setTimeout(() => (image.onload as () => void)(), 0) });
          return image;
        },
      };
      (Taro.createSelectorQuery as jest.Mock).mockImplementation(() => {
        const query = {
          select: () => query,
          fields: () => query,
          exec: (cb: (res: unknown[]) => void) => cb([{ node }]),
        };
        return query;
      });
      let n = 0;
      (Taro.canvasToTempFilePath as jest.Mock).mockImplementation(async () => ({
        tempFilePath: `wxfile://tmp/poster-${++n}.png`,
      }));
      return contexts;
    }
    const noCanvas = (Taro.createSelectorQuery as jest.Mock).getMockImplementation();
    afterEach(() => (Taro.createSelectorQuery as jest.Mock).mockImplementation(noCanvas));

    it('offers three templates; the choice is kept on the device for the next visit', async () => {
      gateway();
      const { unmount } = render(<Card />);
      const chip = (id: string) => screen.getByTestId(`poster-template-${id}`);
      await screen.findByTestId('card-code');
      expect(screen.getByTestId('poster-templates').textContent).toBe('简约礼遇花漾');
      expect(chip('gift').getAttribute('data-selected')).toBe('true');
      fireEvent.click(chip('blossom'));
      expect(chip('blossom').getAttribute('data-selected')).toBe('true');
      expect(chip('gift').getAttribute('data-selected')).toBe('false');
      unmount();
      render(<Card />);
      await screen.findByTestId('card-code');
      expect(chip('blossom').getAttribute('data-selected')).toBe('true');
      // Choosing before a poster exists draws nothing.
      expect(Taro.canvasToTempFilePath).not.toHaveBeenCalled();
    });

    it('weapp: draws the poster with the referrer, the gift and the code; another chip redraws it at once', async () => {
      const contexts = weappCanvas();
      gateway({ 'referral.getMyCard': () => ok({ ...CARD, shownAs: { name: '王*' } }) });
      render(<Card />);
      fireEvent.click(await screen.findByTestId('card-poster-make'));
      const image = await screen.findByTestId('card-poster-image');
      expect(image.getAttribute('src')).toBe('wxfile://tmp/poster-1.png');
      expect(image.getAttribute('data-template')).toBe('gift');
      expect(image.getAttribute('data-width')).toBe('1200');
      const drawn = textsOf(contexts[0]?.calls ?? []).join('');
      for (const words of ['王*', '王', '返利金 5%', '悦美医疗美容', '34MJW8AR', '长按识别小程序码'])
        expect(drawn).toContain(words);
      // The mini-program code was downloaded and drawn as an image.
      expect(Taro.getImageInfo).toHaveBeenCalledWith({ src: CARD.qrUrl });

      fireEvent.click(screen.getByTestId('poster-template-simple'));
      await waitFor(() => expect(screen.getByTestId('card-poster-image').getAttribute('data-template')).toBe('simple'));
      expect(screen.getByTestId('card-poster-image').getAttribute('src')).toBe('wxfile://tmp/poster-2.png');
      expect(screen.queryByTestId('card-poster-make')).toBeNull();
    });

    it('weapp: 保存到相册 saves the poster and 分享给好友 opens WeChat’s share sheet with it', async () => {
      weappCanvas();
      gateway();
      render(<Card />);
      fireEvent.click(await screen.findByTestId('card-poster-make'));
      await screen.findByTestId('card-poster-image');
      fireEvent.click(screen.getByTestId('card-poster-save'));
      await waitFor(() =>
        expect(Taro.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/poster-1.png' }),
      );
      await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '海报已保存到相册', icon: 'success' }));
      fireEvent.click(screen.getByTestId('card-poster-share'));
      await waitFor(() =>
        expect(Taro.showShareImageMenu).toHaveBeenCalledWith(
          expect.objectContaining({ path: 'wxfile://tmp/poster-1.png' }),
        ),
      );
    });

    it('weapp: a canvas that is not ready says so and keeps the button', async () => {
      gateway();
      render(<Card />);
      fireEvent.click(await screen.findByTestId('card-poster-make'));
      expect((await screen.findByTestId('card-poster-error')).textContent).toContain('海报画布未就绪');
      expect(screen.getByTestId('card-poster-make').textContent).toBe('生成海报');
    });
  });
});
