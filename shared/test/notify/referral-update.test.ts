import {
  REFERRAL_CARD_PAGE,
  bookedDetail,
  checkTemplateData,
  creditText,
  referralUpdateKey,
  referralUpdateMessage,
  referralUpdateSummary,
} from '../../src';

describe('referrer updates: 好友已预约 / 已到院 / 奖励已到账', () => {
  test('referral update: each moment has its own key, one per friend (booked, visited) or per credit', () => {
    expect(referralUpdateKey('booked', 'cust-9')).toBe('referral_booked_cust-9');
    expect(referralUpdateKey('visited', 'cust-9')).not.toBe(referralUpdateKey('booked', 'cust-9'));
    expect(referralUpdateKey('rewarded', 'deal_1:rebate:referrer')).toBe('referral_rewarded_deal_1:rebate:referrer');
  });

  test('referral update: booked names the friend (masked), the visit day and slot, and opens the card', () => {
    const message = referralUpdateMessage({
      touser: 'o-referrer',
      templateId: 'tmpl-referral-update',
      progress: 'booked',
      friendMaskedName: '刘*',
      date: '2027-03-01',
      detail: bookedDetail('2027-03-02', '10:00'),
    });
    expect(message).toEqual({
      touser: 'o-referrer',
      templateId: 'tmpl-referral-update',
      page: REFERRAL_CARD_PAGE,
      data: {
        thing1: { value: '刘*' },
        phrase2: { value: '好友已预约' },
        thing3: { value: '预约到院 3月2日 10:00' },
        date4: { value: '2027-03-01' },
      },
    });
    expect(checkTemplateData(message.data)).toEqual([]);
  });

  test('referral update: visited and rewarded say what happened; a credit reads in its own unit', () => {
    const visited = referralUpdateMessage({
      touser: 'o',
      templateId: 't',
      progress: 'visited',
      friendMaskedName: '刘*',
      date: '2027-03-02',
    });
    expect(visited.data.phrase2).toEqual({ value: '好友已到院' });
    expect(visited.data.thing3).toEqual({ value: '好友已到院，感谢您的推荐' });
    const rewarded = referralUpdateMessage({
      touser: 'o',
      templateId: 't',
      progress: 'rewarded',
      friendMaskedName: '刘*',
      date: '2027-03-02',
      detail: creditText({ kind: 'rebate', amount: 123_456, unit: 'fen' }),
    });
    expect(rewarded.data.phrase2).toEqual({ value: '奖励已到账' });
    // No thousands separator: a thing counts every character.
    expect(rewarded.data.thing3).toEqual({ value: '返利金 ¥1234.56 已到账' });
    expect(creditText({ kind: 'points', amount: 300, unit: 'points' })).toBe('积分 300');
    expect(creditText({ kind: 'physical_gift', amount: 1, unit: 'item', giftName: ' 面膜一盒 ' })).toBe(
      '实物礼品 面膜一盒',
    );
    expect(creditText({ kind: 'physical_gift', amount: 1, unit: 'item' })).toBe('实物礼品');
    expect(creditText({ kind: 'gift_voucher', amount: 20_000, unit: 'fen' })).toBe('赠送产品抵扣券 ¥200.00');
  });

  test('referral update: the in-app line and a missing name both fall back to 您的好友', () => {
    expect(referralUpdateSummary({ friendMaskedName: '刘*', progress: 'visited' })).toBe('刘* · 好友已到院');
    expect(referralUpdateSummary({ friendMaskedName: '', progress: 'booked' })).toBe('您的好友 · 好友已预约');
    expect(bookedDetail('2027-12-05', '09:30')).toBe('12月5日 09:30');
  });
});
