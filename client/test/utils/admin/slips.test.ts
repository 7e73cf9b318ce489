import { slipView } from '../../../src/packages/admin/utils/slips';
import { dashboard } from '../../admin-fixtures';

describe('今日偏差', () => {
  it('a count behind: due, actual and the gap in people', () => {
    expect(slipView(dashboard().slips[0])).toEqual({
      key: 'staff-consultant-1-referralFilings',
      name: '陈静',
      post: '咨询师',
      metric: '带新建档量',
      due: '应完成 6 人',
      actual: '实际 2 人',
      deviation: '落后 4 人',
      behind: true,
    });
  });

  it('money behind, in yuan', () => {
    const v = slipView(dashboard().slips[1]);
    expect([v.due, v.actual, v.deviation]).toEqual(['应完成 ¥15,000.00', '实际 ¥13,800.00', '落后 ¥1,200.00']);
  });

  it('one ahead is not called behind', () => {
    const v = slipView({ ...dashboard().slips[0], cumulativeActual: 7, deviation: 1 });
    expect(v.behind).toBe(false);
    expect(v.deviation).toBe('领先 1 人');
  });
});
