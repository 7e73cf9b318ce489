import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import DealPage from '../../src/packages/staff/pages/deal/index';
import * as booking from '../../src/services/booking';
import * as deals from '../../src/services/deals';
import * as staff from '../../src/services/staff';
import { resetTaroMocks, setPlatform } from '../helpers';
import { setRouterParams } from '../mocks/taro';
import { PRODUCTS, STORES } from '../fixtures';
import { WORKBENCH, dealPreparation, failResult, okResult, recordedDeal, resetServiceMocks } from '../staff-fixtures';

jest.mock('../../src/services/deals');
jest.mock('../../src/services/staff');
jest.mock('../../src/services/booking');
const svc = jest.mocked(deals);
const bench = jest.mocked(staff);
const catalogue = jest.mocked(booking);

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
  for (const m of [deals, staff, booking]) resetServiceMocks(m);
  setRouterParams({ customerId: 'cust-1', storeId: 'store-1' });
  svc.prepareDeal.mockResolvedValue(okResult(dealPreparation()));
  svc.recordDeal.mockResolvedValue(okResult(recordedDeal()));
  bench.loadWorkbench.mockResolvedValue(okResult(WORKBENCH));
  catalogue.listStores.mockResolvedValue(okResult({ stores: STORES }) as never);
  catalogue.listProducts.mockResolvedValue(okResult({ products: PRODUCTS }) as never);
});

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

async function fillItem(index: number, productId: string, amount: string, paid: string) {
  const item = screen.getByTestId(`deal-item-${index}`);
  fireEvent.click(await within(item).findByTestId(`product-${productId}`));
  type(`deal-item-${index}-amount`, amount);
  type(`deal-item-${index}-paid`, paid);
}

describe('deal entry', () => {
  it('shows the customer masked, the store’s products and the usable rewards; records in fen and shows the answer', async () => {
    render(<DealPage />);
    expect(screen.getByTestId('deal-loading')).toBeTruthy();
    expect((await screen.findByTestId('deal-customer')).textContent).toContain('唐* · 139****0001');
    expect(svc.prepareDeal).toHaveBeenCalledWith('cust-1');
    // The store is the customer's (deals.prepare names it): no store choice, no workbench call.
    expect(bench.loadWorkbench).not.toHaveBeenCalled();
    expect(catalogue.listStores).not.toHaveBeenCalled();
    // Only the kinds with a balance: 返利金 and 积分 (no voucher).
    expect(screen.getByTestId('usable-rebate').textContent).toBe('可用 ¥120.00');
    expect(screen.getByTestId('usable-points').textContent).toBe('可用 300 积分');
    expect(screen.queryByTestId('use-gift_voucher')).toBeNull();

    await fillItem(0, 'product-eyes', '3000', '2980.5');
    type('use-rebate', '20.5');
    expect(screen.getByTestId('deal-total-amount').textContent).toBe('¥3,000.00');
    expect(screen.getByTestId('deal-total-paid').textContent).toBe('¥2,980.50');
    fireEvent.click(screen.getByTestId('deal-submit'));

    const result = await screen.findByTestId('deal-result');
    const input = svc.recordDeal.mock.calls[0]![0];
    expect(input).toEqual({
      customerId: 'cust-1',
      items: [{ productId: 'product-eyes', amountFen: 300000, paidFen: 298050 }],
      idempotencyKey: expect.stringMatching(/^deal-[a-z0-9]+-[a-z0-9]{10}$/),
      useRewards: [{ kind: 'rebate', amount: 2050 }],
    });
    expect(within(result).getByTestId('deal-headline').textContent).toBe('已录入成交（1 项）');
    expect(within(result).getByTestId('deal-became-existing').textContent).toContain('已成为老客');
    expect(within(result).getByTestId('result-paid').textContent).toBe('¥2,980.00');
    const credits = screen.getAllByTestId('credit-item').map((el) => el.textContent);
    expect(credits).toEqual(['推荐人 王*返利金 ¥149.00有效期至 2027-11-23', '顾客本人 唐*积分 200 积分']);
    expect(screen.getByTestId('deal-skipped').textContent).toContain('顾客本人：成交金额未达到该奖励的门槛');
  });

  it('keeps one idempotency key across retries of the form; a double tap sends once; a new form gets a new key', async () => {
    let answer: (v: unknown) => void = () => undefined;
    svc.recordDeal
      .mockResolvedValueOnce(failResult('NETWORK', '网络不可用，请稍后重试'))
      .mockImplementationOnce(() => new Promise((resolve) => (answer = resolve as never)));
    render(<DealPage />);
    await screen.findByTestId('deal-item-0');
    await fillItem(0, 'product-eyes', '100', '100');
    fireEvent.click(screen.getByTestId('deal-submit'));
    expect((await screen.findByTestId('deal-submit-error')).textContent).toBe('网络不可用，请稍后重试');

    // Two taps in a row: one request.
    fireEvent.click(screen.getByTestId('deal-submit'));
    fireEvent.click(screen.getByTestId('deal-submit'));
    await waitFor(() => expect(screen.getByTestId('deal-submit').getAttribute('data-disabled')).toBe('true'));
    expect(screen.getByTestId('deal-submit').textContent).toBe('正在录入…');
    fireEvent.click(screen.getByTestId('deal-submit'));
    expect(svc.recordDeal).toHaveBeenCalledTimes(2);
    const [first, second] = svc.recordDeal.mock.calls.map((c) => c[0].idempotencyKey);
    expect(second).toBe(first);

    answer(
      okResult(recordedDeal({ credited: [], skipped: [], noRewardReason: '该顾客没有推荐人', becameExisting: false })),
    );
    expect((await screen.findByTestId('deal-no-reward')).textContent).toBe('该顾客没有推荐人');
    expect(screen.queryByTestId('deal-became-existing')).toBeNull();

    // 再录一笔: a new form (the usable rewards are read again) with a new key.
    fireEvent.click(screen.getByTestId('deal-next'));
    await screen.findByTestId('deal-item-0');
    expect(svc.prepareDeal).toHaveBeenCalledTimes(2);
    await fillItem(0, 'product-eyes', '50', '50');
    fireEvent.click(screen.getByTestId('deal-submit'));
    await screen.findByTestId('deal-result');
    expect(svc.recordDeal.mock.calls[2]![0].idempotencyKey).not.toBe(first);
  });

  it('checks amounts and rewards at their fields before any call', async () => {
    render(<DealPage />);
    await screen.findByTestId('deal-item-0');
    fireEvent.click(screen.getByTestId('deal-submit'));
    expect(screen.getByTestId('error-item-0-product').textContent).toBe('请选择成交项目');
    expect(screen.getByTestId('error-item-0-amount').textContent).toBe('请输入金额');
    await fillItem(0, 'product-eyes', '100.123', '200');
    type('use-points', '301');
    fireEvent.click(screen.getByTestId('deal-submit'));
    expect(screen.getByTestId('error-item-0-amount').textContent).toBe('金额最多保留两位小数（精确到分）');
    expect(screen.getByTestId('error-use-points').textContent).toBe('超过可用余额（可用 300 积分）');
    type('deal-item-0-amount', '100');
    fireEvent.click(screen.getByTestId('deal-submit'));
    expect(screen.getByTestId('error-item-0-paid').textContent).toBe('实付金额不能大于成交金额');
    expect(screen.getByTestId('deal-submit-error').textContent).toBe('请完善标红的内容后再录入');
    expect(svc.recordDeal).not.toHaveBeenCalled();
  });

  it('adds items up to 10 and removes them; each item has its own product', async () => {
    render(<DealPage />);
    await screen.findByTestId('deal-item-0');
    expect(screen.queryByTestId('deal-item-0-remove')).toBeNull();
    fireEvent.click(screen.getByTestId('deal-add-item'));
    await fillItem(0, 'product-eyes', '100', '90');
    await fillItem(1, 'product-hyaluronic-acid', '50', '50');
    // Tapping another product replaces the item's choice.
    fireEvent.click(within(screen.getByTestId('deal-item-0')).getByTestId('product-product-hyaluronic-acid'));
    fireEvent.click(screen.getByTestId('deal-submit'));
    await screen.findByTestId('deal-result');
    expect(svc.recordDeal.mock.calls[0]![0].items).toEqual([
      { productId: 'product-hyaluronic-acid', amountFen: 10000, paidFen: 9000 },
      { productId: 'product-hyaluronic-acid', amountFen: 5000, paidFen: 5000 },
    ]);
  });

  it('stops at 10 items; removing one frees a place', async () => {
    render(<DealPage />);
    await screen.findByTestId('deal-item-0');
    for (let i = 0; i < 12; i++) fireEvent.click(screen.getByTestId('deal-add-item'));
    expect(screen.getAllByTestId(/^deal-item-\d+$/)).toHaveLength(10);
    expect(screen.getByTestId('deal-add-item').textContent).toBe('最多 10 个项目');
    fireEvent.click(screen.getByTestId('deal-item-3-remove'));
    expect(screen.getAllByTestId(/^deal-item-\d+$/)).toHaveLength(9);
    expect(screen.getByTestId('deal-add-item').textContent).toBe('+ 添加项目（9/10）');
    await waitFor(() => expect(screen.getAllByTestId('product-product-eyes')).toHaveLength(9));
  });

  it('a customer not checked in: says why and links to check-in; no form', async () => {
    svc.prepareDeal.mockResolvedValue(okResult(dealPreparation({ checkedIn: false })));
    render(<DealPage />);
    expect((await screen.findByTestId('deal-not-checked-in')).textContent).toContain('顾客到院签到后才能录入成交');
    expect(screen.queryByTestId('deal-submit')).toBeNull();
    fireEvent.click(screen.getByTestId('deal-go-check-in'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/check-in/index' });
    svc.prepareDeal.mockResolvedValue(okResult(dealPreparation()));
    fireEvent.click(screen.getByTestId('deal-reload'));
    expect(await screen.findByTestId('deal-submit')).toBeTruthy();
  });

  it('the products offered are those of the customer’s store, as deals.prepare names it', async () => {
    setRouterParams({ customerId: 'cust-1' });
    render(<DealPage />);
    await screen.findByTestId('deal-item-0');
    await screen.findAllByTestId('product-product-eyes');
    expect(catalogue.listProducts).toHaveBeenCalledWith('store-1');
    expect(catalogue.listStores).not.toHaveBeenCalled();
  });

  it('a refusal from the function keeps the form; a load error has a retry; no customer says so', async () => {
    svc.recordDeal.mockResolvedValue(failResult('INSUFFICIENT_BALANCE', '返利金可用余额不足（可用 ¥0.00）'));
    const { unmount } = render(<DealPage />);
    await screen.findByTestId('deal-item-0');
    await fillItem(0, 'product-eyes', '100', '100');
    fireEvent.click(screen.getByTestId('deal-submit'));
    expect((await screen.findByTestId('deal-submit-error')).textContent).toBe('返利金可用余额不足（可用 ¥0.00）');
    expect((screen.getByTestId('deal-item-0-amount') as HTMLInputElement).value).toBe('100');
    unmount();

    svc.prepareDeal.mockResolvedValueOnce(failResult('NOT_FOUND', '没有找到'));
    const second = render(<DealPage />);
    expect((await screen.findByTestId('deal-error')).textContent).toContain('没有找到');
    fireEvent.click(screen.getByTestId('retry-button'));
    expect(await screen.findByTestId('deal-item-0')).toBeTruthy();
    await screen.findAllByTestId('product-product-eyes');
    second.unmount();

    setRouterParams({});
    render(<DealPage />);
    expect(screen.getByTestId('deal-missing')).toBeTruthy();
  });
});
