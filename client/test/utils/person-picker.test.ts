import { PICKER_MESSAGES, colleagueChoices, customerQuery, pickLabel, pickable } from '../../src/utils/person-picker';
import { COLLEAGUES, WANGLI_PICK } from '../staff-fixtures';

describe('people pickers', () => {
  it('a search is a full mobile number or a whole name', () => {
    expect(customerQuery('13006181966')).toEqual({ ok: true, query: '13006181966' });
    expect(customerQuery(' 130 0618 1966 ')).toEqual({ ok: true, query: '130 0618 1966' });
    expect(customerQuery('1300618')).toEqual({ ok: false, message: PICKER_MESSAGES.phone });
    expect(customerQuery('  王丽 ')).toEqual({ ok: true, query: '王丽' });
    expect(customerQuery('')).toEqual({ ok: false, message: PICKER_MESSAGES.empty });
    expect(customerQuery('王'.repeat(21))).toEqual({ ok: false, message: PICKER_MESSAGES.tooLong });
  });

  it('old-customer fields pick existing customers only', () => {
    expect(pickable(WANGLI_PICK as never, true)).toBe(true);
    expect(pickable({ kind: 'new' }, true)).toBe(false);
    expect(pickable({ kind: 'new' }, false)).toBe(true);
    expect(pickLabel(WANGLI_PICK)).toBe('王* · 130****1966');
  });

  it('colleagues of a post, or all', () => {
    expect(colleagueChoices(COLLEAGUES.items, 'consultant').map((c) => c.name)).toEqual(['陈静', '高峰']);
    expect(colleagueChoices(COLLEAGUES.items)).toHaveLength(4);
  });

  it('leaves out the colleague excluded (a task’s current owner)', () => {
    expect(colleagueChoices(COLLEAGUES.items, undefined, 'staff-nurse-1').map((c) => c.staffId)).toEqual([
      'staff-consultant-1',
      'staff-manager',
      'staff-onsite-1',
    ]);
    expect(colleagueChoices(COLLEAGUES.items, 'consultant', 'staff-manager').map((c) => c.name)).toEqual(['陈静']);
  });
});
