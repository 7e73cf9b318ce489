import { checkWeComNotice, fitWeComValue, type WeComNotice } from '../../src/notify/wecom-notice';

const notice = (over: Partial<WeComNotice> = {}): WeComNotice => ({
  page: 'packages/staff/pages/workbench/index',
  title: '今日回访提醒',
  items: [{ key: '今日回访', value: '12 条' }],
  ...over,
});

describe('WeCom miniprogram_notice limits (a refused message is a test failure, not a retry)', () => {
  test('a notice within the limits is sendable', () => {
    expect(checkWeComNotice(notice())).toEqual([]);
    expect(checkWeComNotice(notice({ title: '回访提醒', description: '请及时跟进客户' }))).toEqual([]);
  });

  test('title and description are 4–12 characters', () => {
    expect(checkWeComNotice(notice({ title: '提醒' }))).toEqual(['标题 应为 4–12 个字（现为 2）']);
    expect(checkWeComNotice(notice({ title: '今日回访提醒：十二条待跟进' }))).toEqual([
      '标题 应为 4–12 个字（现为 13）',
    ]);
    expect(checkWeComNotice(notice({ description: '跟进' }))).toEqual(['描述 应为 4–12 个字（现为 2）']);
  });

  test('at most 10 items; key ≤ 10, value ≤ 30 characters; no empty item', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => ({ key: `项${i}`, value: 'x' }));
    expect(checkWeComNotice(notice({ items: eleven }))).toEqual(['内容最多 10 项（现为 11）']);
    expect(checkWeComNotice(notice({ items: [{ key: '一二三四五六七八九十一', value: 'v' }] }))).toEqual([
      '第 1 项名称超过 10 个字',
    ]);
    expect(checkWeComNotice(notice({ items: [{ key: 'k', value: '字'.repeat(31) }] }))).toEqual([
      '第 1 项内容超过 30 个字',
    ]);
    expect(checkWeComNotice(notice({ items: [{ key: '', value: '' }] }))).toEqual(['第 1 项为空']);
  });

  test('the page is a mini-program path without a leading slash, ≤ 1024 bytes', () => {
    expect(checkWeComNotice(notice({ page: '/pages/index/index' }))).toEqual(['页面路径不能以 / 开头']);
    expect(checkWeComNotice(notice({ page: `pages/a?x=${'长'.repeat(400)}` }))).toEqual(['页面路径超过 1024 字节']);
  });

  test('long values are cut with an ellipsis to fit', () => {
    expect(fitWeComValue('悦美医疗美容（上海静安旗舰店）', 10)).toBe('悦美医疗美容（上海…');
    expect([...fitWeComValue('字'.repeat(40))]).toHaveLength(30);
    expect(fitWeComValue('王*丽')).toBe('王*丽');
  });
});
