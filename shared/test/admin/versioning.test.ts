import { ERROR_CATALOGUE, STALE_VERSION_CODE, checkVersion } from '../../src';

describe('versions (optimistic concurrency)', () => {
  test('stale version: a save made from the current version moves it on by one', () => {
    expect(checkVersion(4, 4)).toEqual({ ok: true, next: 5 });
    expect(checkVersion(0, 0)).toEqual({ ok: true, next: 1 });
  });

  test('stale version: a save made from an older (or unknown newer) version is refused, saying who saved', () => {
    expect(checkVersion(5, 4, { byName: '宋志远' })).toEqual({
      ok: false,
      code: 'STALE_VERSION',
      message: '宋志远 刚刚保存了新的内容（第 5 版），您的修改未保存。请刷新后在最新内容上重新修改',
    });
    const anonymous = checkVersion(5, 9);
    expect(anonymous.ok === false && anonymous.message).toMatch(/^其他同事刚刚保存/);
    expect(ERROR_CATALOGUE[STALE_VERSION_CODE]).toMatch(/刷新/);
  });
});
