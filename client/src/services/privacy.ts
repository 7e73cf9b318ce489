/**
 * The 隐私保护指引 agreement, asked before any personal data leaves the device.
 *
 * - weapp: WeChat decides when agreement is needed (a privacy API such as getPhoneNumber, or our own
 *   `requirePrivacyAuthorize` before a booking is sent) and raises `onNeedPrivacyAuthorization`; the
 *   page's <PrivacyPopup> shows the notice and answers through a
 *   `<Button openType="agreePrivacyAuthorization">` (WeChat checks that button was really tapped).
 *   WeChat remembers the agreement per user and notice version.
 * - h5 (local demo): the same popup and the same questions; the agreement is kept on the device for
 *   this notice version (`PRIVACY_VERSION`), so a new version asks again.
 */
import Taro from '@tarojs/taro';
import { PRIVACY_VERSION } from '../constants';

export type PrivacyAnswer = 'agree' | 'disagree';

/** The id of the popup's agree button, which WeChat's resolve({ buttonId }) names. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';

const H5_STORAGE_KEY = 'clinic.privacyAgreed';

type Waiting = (answer: PrivacyAnswer) => void;
let waiting: Waiting[] = [];
const listeners = new Set<(asking: boolean) => void>();

const notify = () => listeners.forEach((listener) => listener(waiting.length > 0));

/** Someone (WeChat, or a page before sending personal data) waits for the customer's answer. */
function ask(answer: Waiting): void {
  waiting.push(answer);
  notify();
}

/** The popup's buttons: every waiting question gets the one answer. */
export function answerPrivacy(answer: PrivacyAnswer): void {
  const answered = waiting;
  waiting = [];
  if (answer === 'agree' && process.env.TARO_ENV === 'h5') {
    try {
      Taro.setStorageSync(H5_STORAGE_KEY, PRIVACY_VERSION);
    } catch {
      // Unavailable storage: the notice is simply asked again next time.
    }
  }
  answered.forEach((done) => done(answer));
  notify();
}

/** The popup follows whether a question is waiting. Returns the unsubscribe. */
export function watchPrivacyQuestions(listener: (asking: boolean) => void): () => void {
  listeners.add(listener);
  listener(waiting.length > 0);
  return () => listeners.delete(listener);
}

/** weapp, once per launch: WeChat's "agreement needed" events go to the popup. */
export function listenForPrivacyQuestions(): void {
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    // Tells WeChat our own popup is showing (its audit of custom popups expects it).
    resolve({ event: 'exposureAuthorization' });
    ask((answer) =>
      resolve(answer === 'agree' ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' }),
    );
  });
}

/** Whether this device already agreed to the current notice (h5 stand-in; weapp asks WeChat). */
function agreedOnDevice(): boolean {
  try {
    return Taro.getStorageSync(H5_STORAGE_KEY) === PRIVACY_VERSION;
  } catch {
    return false;
  }
}

/**
 * Resolves true once the customer has agreed to the notice (asking them if needed), false if they
 * declined. Call before sending personal data.
 */
export function ensurePrivacyAgreed(): Promise<boolean> {
  if (process.env.TARO_ENV === 'weapp') {
    // Older base libraries (< 2.32.3) have no privacy API: WeChat itself asks there.
    if (typeof Taro.requirePrivacyAuthorize !== 'function') return Promise.resolve(true);
    return new Promise((resolve) =>
      Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) }),
    );
  }
  if (agreedOnDevice()) return Promise.resolve(true);
  return new Promise((resolve) => ask((answer) => resolve(answer === 'agree')));
}

/** The full notice: WeChat's registered 隐私保护指引 (weapp), or our notice page. */
export function openPrivacyNotice(privacyPage: string): void {
  if (process.env.TARO_ENV === 'weapp' && typeof Taro.openPrivacyContract === 'function') {
    Taro.openPrivacyContract({ fail: () => void Taro.navigateTo({ url: privacyPage }) });
    return;
  }
  void Taro.navigateTo({ url: privacyPage });
}
