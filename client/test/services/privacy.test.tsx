import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { PrivacyPopup } from '../../src/components/PrivacyPopup';
import { PRIVACY_VERSION } from '../../src/constants';
import { answerPrivacy, ensurePrivacyAgreed, listenForPrivacyQuestions } from '../../src/services/privacy';
import { resetTaroMocks, setPlatform } from '../helpers';

beforeEach(() => resetTaroMocks());
afterEach(() => {
  // A question a test left open must not show in the next test's popup.
  act(() => answerPrivacy('disagree'));
  setPlatform('weapp');
});

/** Starts a question and lets the popup render it (wrapped: an async function would wait for the answer). */
async function asked(): Promise<{ answer: Promise<boolean> }> {
  let answer: Promise<boolean> = Promise.resolve(false);
  await act(async () => {
    answer = ensurePrivacyAgreed();
  });
  return { answer };
}

describe('the privacy agreement before personal data leaves the device (h5 stand-in)', () => {
  beforeEach(() => setPlatform('h5'));

  it('asks with the popup; agreeing answers true and is kept for this notice version', async () => {
    render(<PrivacyPopup />);
    expect(screen.queryByTestId('privacy-popup')).toBeNull();
    const { answer } = await asked();
    expect(screen.getByTestId('privacy-popup').textContent).toContain('隐私保护指引');
    fireEvent.click(screen.getByTestId('privacy-agree'));
    await expect(answer).resolves.toBe(true);
    expect(screen.queryByTestId('privacy-popup')).toBeNull();
    expect(Taro.getStorageSync('clinic.privacyAgreed')).toBe(PRIVACY_VERSION);
    // Asked once: the next booking goes straight on.
    await expect(ensurePrivacyAgreed()).resolves.toBe(true);
    expect(screen.queryByTestId('privacy-popup')).toBeNull();
  });

  it('declining answers false, keeps nothing, and the next attempt asks again', async () => {
    render(<PrivacyPopup />);
    const { answer } = await asked();
    fireEvent.click(screen.getByTestId('privacy-disagree'));
    await expect(answer).resolves.toBe(false);
    expect(Taro.getStorageSync('clinic.privacyAgreed')).toBe('');
    void (await asked());
    expect(screen.getByTestId('privacy-popup')).toBeTruthy();
  });

  it('a new notice version asks again', async () => {
    Taro.setStorageSync('clinic.privacyAgreed', '2025-01');
    render(<PrivacyPopup />);
    void (await asked());
    expect(screen.getByTestId('privacy-popup')).toBeTruthy();
  });

  it('the popup links the full notice', async () => {
    render(<PrivacyPopup />);
    void (await asked());
    fireEvent.click(screen.getByTestId('privacy-popup-notice'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/customer/pages/privacy/index' });
  });
});

describe('WeChat’s privacy agreement (weapp)', () => {
  beforeEach(() => setPlatform('weapp'));

  /** What WeChat would call: the listener registered by listenForPrivacyQuestions. */
  function wechatListener(): (resolve: jest.Mock) => void {
    listenForPrivacyQuestions();
    const calls = (Taro.onNeedPrivacyAuthorization as unknown as jest.Mock).mock.calls;
    return calls[calls.length - 1][0];
  }

  it('WeChat’s question shows the popup; agreeing names the agree button WeChat checks', async () => {
    const listener = wechatListener();
    render(<PrivacyPopup />);
    const resolve = jest.fn();
    act(() => listener(resolve));
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' });
    const agree = screen.getByTestId('privacy-agree');
    expect(agree.getAttribute('id')).toBe('privacy-agree');
    fireEvent.click(agree);
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'privacy-agree' });
    expect(screen.queryByTestId('privacy-popup')).toBeNull();
  });

  it('declining tells WeChat, which fails the privacy API that asked', () => {
    const listener = wechatListener();
    render(<PrivacyPopup />);
    const resolve = jest.fn();
    act(() => listener(resolve));
    fireEvent.click(screen.getByTestId('privacy-disagree'));
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' });
  });

  it('before sending, asks WeChat (requirePrivacyAuthorize): its answer is ours', async () => {
    await expect(ensurePrivacyAgreed()).resolves.toBe(true);
    (Taro.requirePrivacyAuthorize as unknown as jest.Mock).mockImplementationOnce((o: { fail: () => void }) =>
      o.fail(),
    );
    await expect(ensurePrivacyAgreed()).resolves.toBe(false);
  });

  it('the popup’s notice link opens the 隐私保护指引 WeChat holds for this mini-program', async () => {
    const listener = wechatListener();
    render(<PrivacyPopup />);
    act(() => listener(jest.fn()));
    fireEvent.click(screen.getByTestId('privacy-popup-notice'));
    expect(Taro.openPrivacyContract).toHaveBeenCalled();
  });
});
