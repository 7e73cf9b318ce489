import { EMPTY_TARGETS, targetValuesFrom } from '../../src/utils/team';

describe('the targets form starts from the month’s targets as last set', () => {
  it('counts as typed, 成交额 back from fen to yuan; the rest empty', () => {
    expect(targetValuesFrom({ referralFilings: 4, dealAmountFen: 1_000_050 })).toEqual({
      ...EMPTY_TARGETS,
      referralFilings: '4',
      dealAmountFen: '10000.5',
    });
    expect(targetValuesFrom({ dealAmountFen: 100 }).dealAmountFen).toBe('1');
    expect(targetValuesFrom({ dealAmountFen: 12_345 }).dealAmountFen).toBe('123.45');
    expect(targetValuesFrom({ deals: 0 }).deals).toBe('0');
    expect(targetValuesFrom({})).toEqual(EMPTY_TARGETS);
  });
});
