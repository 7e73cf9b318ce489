import Taro from '@tarojs/taro';
import {
  canSharePosterH5,
  posterFileH5,
  savePosterToAlbum,
  sharePosterH5,
  sharePosterWeapp,
} from '../../src/services/poster';
import { initialPosterTemplate, pickPosterTemplate, rememberPosterTemplate } from '../../src/services/poster-template';
import { resetTaroMocks } from '../helpers';

const mock = (fn: unknown) => fn as jest.Mock;
// A 1×1 PNG.
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

beforeEach(() => resetTaroMocks());

describe('saving and sharing the poster in weapp', () => {
  test('分享给好友 opens WeChat’s share sheet for the picture (base library ≥ 2.14.3)', async () => {
    expect(await sharePosterWeapp('wxfile://tmp/poster.png')).toEqual({ ok: true });
    expect(Taro.canIUse).toHaveBeenCalledWith('showShareImageMenu');
    expect(Taro.showShareImageMenu).toHaveBeenCalledWith(expect.objectContaining({ path: 'wxfile://tmp/poster.png' }));
    expect(Taro.previewImage).not.toHaveBeenCalled();
  });

  test('it also works where the share sheet answers by callback only (not promisified)', async () => {
    mock(Taro.showShareImageMenu).mockImplementationOnce(({ success }: { success: () => void }) => {
      success();
      return undefined;
    });
    expect(await sharePosterWeapp('wxfile://tmp/poster.png')).toEqual({ ok: true });
    mock(Taro.showShareImageMenu).mockImplementationOnce(({ fail }: { fail: (e: unknown) => void }) => {
      fail({ errMsg: 'showShareImageMenu:fail system error' });
      return undefined;
    });
    // Refused: the full-screen picture instead.
    expect((await sharePosterWeapp('wxfile://tmp/poster.png')).message).toContain('长按图片');
  });

  test('an older WeChat shows the picture full screen, where a long press sends it', async () => {
    mock(Taro.canIUse).mockReturnValueOnce(false);
    const res = await sharePosterWeapp('wxfile://tmp/poster.png');
    expect(Taro.showShareImageMenu).not.toHaveBeenCalled();
    expect(Taro.previewImage).toHaveBeenCalledWith({
      urls: ['wxfile://tmp/poster.png'],
      current: 'wxfile://tmp/poster.png',
    });
    expect(res).toEqual({ ok: true, message: '长按图片即可发送给朋友或保存' });
  });

  test('closing the share sheet is not an error', async () => {
    mock(Taro.showShareImageMenu).mockRejectedValueOnce({ errMsg: 'showShareImageMenu:fail cancel' });
    expect(await sharePosterWeapp('wxfile://tmp/poster.png')).toEqual({ ok: true });
    expect(Taro.previewImage).not.toHaveBeenCalled();
  });

  test('保存到相册 saves the file; a refused album permission says where to allow it', async () => {
    expect(await savePosterToAlbum('wxfile://tmp/poster.png')).toEqual({ ok: true, message: '海报已保存到相册' });
    expect(Taro.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/poster.png' });
    mock(Taro.saveImageToPhotosAlbum).mockRejectedValueOnce({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' });
    expect((await savePosterToAlbum('wxfile://tmp/poster.png')).message).toContain('需要相册权限');
  });
});

describe('sharing the poster in a browser', () => {
  const nav = navigator as unknown as { share?: unknown; canShare?: unknown };
  afterEach(() => {
    delete nav.share;
    delete nav.canShare;
  });

  test('the PNG becomes a file for the Web Share API', async () => {
    const file = posterFileH5(PNG, '推荐海报.png') as File;
    expect(file.name).toBe('推荐海报.png');
    expect(file.type).toBe('image/png');
    expect(file.size).toBe(70);
    expect(posterFileH5('data:text/plain,hi', 'x.png')).toBeNull();
  });

  test('分享 is offered only where the browser can share files', () => {
    const file = posterFileH5(PNG, 'p.png');
    expect(canSharePosterH5(file)).toBe(false);
    nav.share = jest.fn();
    nav.canShare = jest.fn(() => false);
    expect(canSharePosterH5(file)).toBe(false);
    nav.canShare = jest.fn(() => true);
    expect(canSharePosterH5(file)).toBe(true);
    expect(nav.canShare).toHaveBeenCalledWith({ files: [file] });
  });

  test('sharing hands over the file; closing the sheet is not an error', async () => {
    const file = posterFileH5(PNG, 'p.png') as File;
    nav.share = jest.fn(async () => undefined);
    expect(await sharePosterH5(file, '送您一份好友礼遇')).toEqual({ ok: true });
    expect(nav.share).toHaveBeenCalledWith({ files: [file], title: '送您一份好友礼遇' });
    nav.share = jest.fn(async () => {
      throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
    });
    expect(await sharePosterH5(file, 't')).toEqual({ ok: true });
    nav.share = jest.fn(async () => {
      throw new Error('NotAllowedError');
    });
    expect((await sharePosterH5(file, 't')).ok).toBe(false);
  });
});

describe('the poster template chosen on this device', () => {
  test('is remembered for the next visit', () => {
    expect(initialPosterTemplate()).toBe('gift');
    rememberPosterTemplate('blossom');
    expect(initialPosterTemplate()).toBe('blossom');
  });

  test('a template no longer offered falls back to the default', () => {
    expect(pickPosterTemplate('festival-2025')).toBe('gift');
    expect(pickPosterTemplate(undefined)).toBe('gift');
    expect(pickPosterTemplate('simple')).toBe('simple');
  });
});
