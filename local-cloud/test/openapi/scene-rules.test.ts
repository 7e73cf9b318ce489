import { checkPage, checkScene, SCENE_MAX_CHARS } from '../../src/openapi';

describe('wxacode.getUnlimited scene and page rules', () => {
  it.each([['a'], ['x'.repeat(SCENE_MAX_CHARS)], ["0-9A-Za-z!#$&'()*+,/:;=?@._~"], [12345]])('accepts %p', (scene) => {
    expect(checkScene(scene)).toBeNull();
  });

  it.each([[''], ['x'.repeat(SCENE_MAX_CHARS + 1)], [undefined], [null], [{ a: 1 }], ['中'.repeat(33)]])(
    'rejects %p for its length with 40169',
    (scene) => {
      expect(checkScene(scene)?.errcode).toBe(40169);
    },
  );

  it.each([['中文'], ['a b'], ['a%b'], ['a"b'], ['a\\b'], ['a<b'], ['emoji😀']])(
    'rejects %p for its characters with 40129',
    (scene) => {
      expect(checkScene(scene)).toEqual({ errcode: 40129, errmsg: 'invalid scene' });
    },
  );

  it('counts characters, not UTF-16 units or bytes', () => {
    expect(checkScene('😀'.repeat(16))?.errcode).toBe(40129);
    expect(checkScene('😀'.repeat(17))?.errcode).toBe(40129);
  });

  it.each([['pages/index/index'], [undefined], ['']])('accepts page %p', (page) => {
    expect(checkPage(page)).toBeNull();
  });

  it.each([['/pages/index/index'], ['pages/index/index?x=1'], [42]])('rejects page %p with 41030', (page) => {
    expect(checkPage(page)?.errcode).toBe(41030);
  });
});
