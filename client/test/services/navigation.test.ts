import Taro from '@tarojs/taro';
import { isTabPage, openPage } from '../../src/services/navigation';
import { resetTaroMocks } from '../helpers';

beforeEach(() => resetTaroMocks());

describe('openPage', () => {
  it('switches to a tab page without its query (switchTab takes none)', async () => {
    await openPage('/pages/booking/index?from=landing');
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/booking/index' });
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });

  it('pushes every other page with its query', async () => {
    await openPage('/pages/landing/index?code=ABCD2345');
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/landing/index?code=ABCD2345' });
    expect(Taro.switchTab).not.toHaveBeenCalled();
  });

  it('knows the three tab pages', () => {
    expect(['/pages/index/index', '/pages/booking/index', '/pages/mine/index'].every(isTabPage)).toBe(true);
    expect(isTabPage('/packages/customer/pages/card/index')).toBe(false);
  });
});

describe('the tab bar', () => {
  it('lists exactly the pages openPage switches to (else a tap would fail on the phone)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { readFileSync } = require('node:fs') as typeof import('node:fs');
    const config = readFileSync(require.resolve('../../src/app.config.ts'), 'utf8');
    const tabBar = config.slice(config.indexOf('tabBar:'));
    const paths = [...tabBar.matchAll(/pagePath: '([^']+)'/g)].map((m) => `/${m[1]}`);
    expect(paths).toEqual(['/pages/index/index', '/pages/booking/index', '/pages/mine/index']);
    expect(paths.every(isTabPage)).toBe(true);
  });
});
