import Taro from '@tarojs/taro';
import { shareInvitationLink } from '../../src/services/share-link';
import { resetTaroMocks } from '../helpers';

const URL = 'https://clinic.example/#/pages/landing/index?code=34MJW8AR';
const nav = navigator as unknown as { share?: jest.Mock };

beforeEach(() => resetTaroMocks());
afterEach(() => delete nav.share);

describe('an invitation link that opens (H5)', () => {
  it('goes through the browser’s share sheet where there is one', async () => {
    nav.share = jest.fn(async () => undefined);
    expect(await shareInvitationLink(URL, '好友邀请')).toBe('shared');
    expect(nav.share).toHaveBeenCalledWith({ title: '好友邀请', url: URL });
    expect(Taro.setClipboardData).not.toHaveBeenCalled();
  });

  it('a closed share sheet is not an error and copies nothing', async () => {
    nav.share = jest.fn(async () => Promise.reject(Object.assign(new Error('closed'), { name: 'AbortError' })));
    expect(await shareInvitationLink(URL, '好友邀请')).toBe('cancelled');
    expect(Taro.setClipboardData).not.toHaveBeenCalled();
  });

  it('without a share sheet (or when it refuses), the address is copied for pasting into WeChat', async () => {
    expect(await shareInvitationLink(URL, '好友邀请')).toBe('copied');
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: URL });
    nav.share = jest.fn(async () => Promise.reject(new Error('NotAllowedError')));
    expect(await shareInvitationLink(URL, '好友邀请')).toBe('copied');
  });

  it('a refused clipboard says so (the page then shows the address to copy by hand)', async () => {
    (Taro.setClipboardData as jest.Mock).mockRejectedValueOnce(new Error('denied'));
    expect(await shareInvitationLink(URL, '好友邀请')).toBe('failed');
  });
});
