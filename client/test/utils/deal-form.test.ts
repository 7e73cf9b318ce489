import { dealsContract, idempotencyKeySchema } from '@clinic/shared';
import {
  DEAL_MESSAGES,
  MAX_DEAL_ITEMS,
  addItem,
  creditLines,
  dealHeadline,
  emptyDealForm,
  itemErrorKey,
  newIdempotencyKey,
  patchItem,
  removeItem,
  rewardAmountText,
  rewardErrorKey,
  singleProduct,
  skippedLines,
  toRecordDealInput,
  typedTotals,
  usableKinds,
  usableText,
  usedLines,
  validateDealForm,
  type DealFormValues,
} from '../../src/utils/deal-form';
import { MONEY_MESSAGES } from '../../src/utils/money-input';
import { recordedDeal } from '../staff-fixtures';

const USABLE = { rebate: 12000, gift_voucher: 5000, points: 300 };
const NONE = { rebate: 0, gift_voucher: 0, points: 0 };

function form(items: { productId?: string; amount?: string; paid?: string }[], rewards = {}): DealFormValues {
  let v = emptyDealForm();
  for (let i = 1; i < items.length; i++) v = addItem(v);
  v.items.forEach((item, i) => {
    v = patchItem(v, item.key, { productId: '', amount: '', paid: '', ...items[i] });
  });
  return { ...v, rewards: { ...v.rewards, ...rewards } };
}

describe('items: add, remove, one product each', () => {
  it('starts with one empty item; adds up to 10 with distinct keys; the last one stays', () => {
    let v = emptyDealForm();
    expect(v.items).toHaveLength(1);
    for (let i = 0; i < 15; i++) v = addItem(v);
    expect(v.items).toHaveLength(MAX_DEAL_ITEMS);
    expect(new Set(v.items.map((i) => i.key)).size).toBe(MAX_DEAL_ITEMS);
    const second = v.items[1]!.key;
    v = removeItem(v, second);
    expect(v.items.map((i) => i.key)).not.toContain(second);
    // A removed key is never reused: errors filed under it cannot land on a new row.
    expect(addItem(v).items.at(-1)!.key).not.toBe(second);
    let one = emptyDealForm();
    one = removeItem(one, one.items[0]!.key);
    expect(one.items).toHaveLength(1);
  });

  it('singleProduct: another chip replaces the choice, the chosen chip again clears it', () => {
    expect(singleProduct('', ['product-a'])).toBe('product-a');
    expect(singleProduct('product-a', ['product-a', 'product-b'])).toBe('product-b');
    expect(singleProduct('product-a', [])).toBe('');
    expect(singleProduct('product-a', ['product-a'])).toBe('product-a');
  });
});

describe('validateDealForm', () => {
  it('names each missing or wrong field under its item', () => {
    const v = form([
      {},
      { productId: 'p', amount: '100', paid: '120' },
      { productId: 'p', amount: '1.234', paid: 'x' },
    ]);
    const [a, b, c] = v.items.map((i) => i.key) as [string, string, string];
    expect(validateDealForm(v, NONE)).toEqual({
      [itemErrorKey(a, 'productId')]: DEAL_MESSAGES.product,
      [itemErrorKey(a, 'amount')]: MONEY_MESSAGES.empty,
      [itemErrorKey(a, 'paid')]: MONEY_MESSAGES.empty,
      [itemErrorKey(b, 'paid')]: DEAL_MESSAGES.paidOverAmount,
      [itemErrorKey(c, 'amount')]: MONEY_MESSAGES.decimals,
      [itemErrorKey(c, 'paid')]: MONEY_MESSAGES.format,
    });
  });

  it('accepts 实付 equal to 成交 and a free item', () => {
    expect(validateDealForm(form([{ productId: 'p', amount: '2980.5', paid: '2980.50' }]), NONE)).toEqual({});
    expect(validateDealForm(form([{ productId: 'p', amount: '0', paid: '0' }]), NONE)).toEqual({});
  });

  it('bounds each reward use by what is usable today; points are whole numbers; 0 is not a use', () => {
    const base = [{ productId: 'p', amount: '3000', paid: '2800' }];
    expect(validateDealForm(form(base, { rebate: '120', gift_voucher: '50', points: '300' }), USABLE)).toEqual({});
    expect(validateDealForm(form(base, { rebate: '120.01' }), USABLE)).toEqual({
      [rewardErrorKey('rebate')]: '超过可用余额（可用 ¥120.00）',
    });
    expect(validateDealForm(form(base, { points: '301' }), USABLE)).toEqual({
      [rewardErrorKey('points')]: '超过可用余额（可用 300 积分）',
    });
    expect(validateDealForm(form(base, { points: '1.5' }), USABLE)).toEqual({
      [rewardErrorKey('points')]: DEAL_MESSAGES.pointsFormat,
    });
    expect(validateDealForm(form(base, { gift_voucher: '0' }), USABLE)).toEqual({
      [rewardErrorKey('gift_voucher')]: DEAL_MESSAGES.useZero,
    });
    expect(validateDealForm(form(base, { gift_voucher: '1.001' }), USABLE)).toEqual({
      [rewardErrorKey('gift_voucher')]: MONEY_MESSAGES.decimals,
    });
  });

  it('rebate and voucher together may not exceed the checkout’s amount (the server’s rule too)', () => {
    const v = form([{ productId: 'p', amount: '100', paid: '0' }], { rebate: '80', gift_voucher: '30' });
    expect(validateDealForm(v, USABLE)).toEqual({ rewards: DEAL_MESSAGES.deductionOverAmount });
  });
});

describe('toRecordDealInput', () => {
  it('sends fen, the form’s key, and only the rewards used; the contract accepts it', () => {
    const v = form(
      [
        { productId: 'product-botulinum', amount: '3000', paid: '2980' },
        { productId: 'product-eyes', amount: '2980.5', paid: '0.07' },
      ],
      { rebate: '20.5', points: '100' },
    );
    const input = toRecordDealInput('cust-1', v, USABLE, 'deal-key-0001');
    expect(input).toEqual({
      customerId: 'cust-1',
      items: [
        { productId: 'product-botulinum', amountFen: 300000, paidFen: 298000 },
        { productId: 'product-eyes', amountFen: 298050, paidFen: 7 },
      ],
      idempotencyKey: 'deal-key-0001',
      useRewards: [
        { kind: 'rebate', amount: 2050 },
        { kind: 'points', amount: 100 },
      ],
    });
    expect(dealsContract.record.input.safeParse(input).success).toBe(true);
  });

  it('leaves useRewards out when nothing is used, and is null while anything is wrong', () => {
    const ok = form([{ productId: 'p', amount: '1', paid: '1' }]);
    expect(toRecordDealInput('c', ok, NONE, 'deal-key-0001')).not.toHaveProperty('useRewards');
    expect(toRecordDealInput('c', form([{ productId: 'p', amount: '1', paid: '2' }]), NONE, 'k')).toBeNull();
  });

  it('typedTotals sums what parses so far', () => {
    const v = form([
      { amount: '10.5', paid: '10' },
      { amount: 'x', paid: '0.25' },
    ]);
    expect(typedTotals(v)).toEqual({ amountFen: 1050, paidFen: 1025 });
  });
});

describe('idempotency key', () => {
  it('matches the contract, leaves room for the deal ids’ _<n>, and differs per form', () => {
    const a = newIdempotencyKey();
    const b = newIdempotencyKey();
    expect(idempotencyKeySchema.safeParse(a).success).toBe(true);
    expect(`${a}_10`.length).toBeLessThanOrEqual(64);
    expect(a).not.toBe(b);
    expect(newIdempotencyKey(0, () => 0)).toBe('deal-0-0000000000');
  });
});

describe('usable rewards and the answer', () => {
  it('offers only the kinds with a balance', () => {
    expect(usableKinds({ rebate: 12000, gift_voucher: 0, points: 300 })).toEqual(['rebate', 'points']);
    expect(usableKinds(NONE)).toEqual([]);
    expect(usableText('rebate', USABLE)).toBe('¥120.00');
    expect(usableText('points', USABLE)).toBe('300 积分');
  });

  it('says what was credited to whom (masked), with expiry; skipped reasons; what was used', () => {
    const answer = recordedDeal({
      used: [
        { kind: 'rebate', amount: 2050, unit: 'fen' },
        { kind: 'points', amount: 100, unit: 'points' },
      ],
    });
    expect(dealHeadline(answer)).toBe('已录入成交（1 项）');
    expect(creditLines(answer.credited)).toEqual([
      { key: 'referrer-rebate-0', who: '推荐人 王*', what: '返利金 ¥149.00', expiry: '有效期至 2027-11-23' },
      { key: 'referee-points-1', who: '顾客本人 唐*', what: '积分 200 积分' },
    ]);
    expect(skippedLines(answer.skipped)).toEqual(['顾客本人：成交金额未达到该奖励的门槛']);
    expect(usedLines(answer.used)).toEqual(['返利金 ¥20.50', '积分 100 积分']);
    expect(rewardAmountText({ amount: 1, unit: 'item', giftName: '面膜' })).toBe('面膜 ×1');
    expect(rewardAmountText({ amount: 1, unit: 'item' })).toBe('礼品 ×1');
  });
});
