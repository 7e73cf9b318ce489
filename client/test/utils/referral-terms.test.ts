import { cardRuleLines, DEFAULT_REFERRAL_TERMS, leadNotice, leadOutcome } from '../../src/utils/referral-terms';

describe('referral terms in words', () => {
  it('R2 and R9 on the card: the lead time decides the clinic’s count, never the rewards', () => {
    expect(DEFAULT_REFERRAL_TERMS).toEqual({ minLeadDays: 1 });
    const lines = cardRuleLines({ minLeadDays: 1 });
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('首次消费后，您与好友的奖励自动发放');
    expect(lines[3]).toBe(
      '好友须至少提前一天预约，门店才计为老带新推荐；到院当天才预约或登记的不计为老带新推荐，但推荐关系保留，您与好友的奖励照常发放。',
    );
    expect(lines.join('')).not.toContain('不计入推荐');
  });

  it('R2 on the card follows the clinic’s minLeadDays, and says nothing when there is no lead time', () => {
    expect(cardRuleLines({ minLeadDays: 3 })[3]).toBe(
      '好友须至少提前 3 天预约，门店才计为老带新推荐；不足 3 天的不计为老带新推荐，但推荐关系保留，您与好友的奖励照常发放。',
    );
    expect(cardRuleLines({ minLeadDays: 0 })).toHaveLength(3);
    expect(cardRuleLines({ minLeadDays: null })).toHaveLength(3);
  });

  it('R2 under the booking date: today falls short of one day, tomorrow does not', () => {
    const terms = { minLeadDays: 1 };
    expect(leadNotice(terms, '2026-11-23', '2026-11-23')).toBe(
      '您选择了今天到院：门店不计为老带新推荐，但推荐关系保留，您与推荐人的奖励照常在您首次消费后发放。如希望计入，可改选明天及以后的日期。',
    );
    expect(leadNotice(terms, '2026-11-23', '2026-11-24')).toBeNull();
    expect(leadNotice(terms, '2026-11-23', '')).toBeNull();
    expect(leadOutcome(terms, '2026-11-23', '2026-11-23')).toBe(
      '当天到院的预约：门店不计为老带新推荐，但推荐关系保留，您与推荐人的奖励照常在您首次消费后发放。',
    );
  });

  it('R2 under the booking date with a longer lead time, and with none', () => {
    const terms = { minLeadDays: 3 };
    expect(leadNotice(terms, '2026-11-23', '2026-11-25')).toBe(
      '您选择的日期距今不足 3 天：门店不计为老带新推荐，但推荐关系保留，您与推荐人的奖励照常在您首次消费后发放。如希望计入，可改选 3 天后及以后的日期。',
    );
    expect(leadOutcome(terms, '2026-11-23', '2026-11-25')).toMatch(/^距到院不足 3 天的预约：/);
    expect(leadNotice(terms, '2026-11-23', '2026-11-26')).toBeNull();
    expect(leadNotice({ minLeadDays: null }, '2026-11-23', '2026-11-23')).toBeNull();
    expect(leadOutcome({ minLeadDays: 0 }, '2026-11-23', '2026-11-23')).toBeNull();
  });
});
