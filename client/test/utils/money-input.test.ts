import { MONEY_MESSAGES, yuanToFen } from '../../src/utils/money-input';

const fen = (text: string) => {
  const r = yuanToFen(text);
  return r.ok ? r.fen : r.message;
};

describe('yuanToFen: typed yuan → integer fen, exactly', () => {
  it.each([
    ['2980', 298000],
    ['2980.5', 298050],
    ['2980.50', 298050],
    ['2980.05', 298005],
    ['0.07', 7],
    ['0.1', 10],
    ['.5', 50],
    ['12.', 1200],
    ['0', 0],
    ['  1 234.56 ', 123456],
    ['2,980.00', 298000],
    ['¥99.9', 9990],
    ['￥1', 100],
    ['19.99', 1999], // 19.99 * 100 is 1998.9999… as a float; the string split is exact
    ['1.15', 115],
    ['4.35', 435],
  ])('%s → %i', (text, expected) => {
    expect(fen(text)).toBe(expected);
  });

  it('refuses more than two decimals', () => {
    expect(fen('2980.555')).toBe(MONEY_MESSAGES.decimals);
    expect(fen('0.001')).toBe(MONEY_MESSAGES.decimals);
  });

  it.each(['', '   ', '¥'])('empty %j asks for an amount', (text) => {
    expect(fen(text)).toBe(MONEY_MESSAGES.empty);
  });

  it.each(['-5', '+5', 'abc', '1e3', '1.2.3', '.', '12元', '0x10'])('refuses %j', (text) => {
    expect(fen(text)).toBe(MONEY_MESSAGES.format);
  });

  it('refuses amounts beyond any checkout', () => {
    expect(fen('10000000000')).toBe(1_000_000_000_000);
    expect(fen('10000000001')).toBe(MONEY_MESSAGES.tooLarge);
    expect(fen('99999999999999999999')).toBe(MONEY_MESSAGES.tooLarge);
  });
});
