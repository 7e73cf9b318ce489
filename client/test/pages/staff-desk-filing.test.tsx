import { fireEvent, render, screen, within } from '@testing-library/react';
import DeskFilingPage from '../../src/packages/staff/pages/desk-filing/index';
import * as visits from '../../src/services/visits';
import * as booking from '../../src/services/booking';
import * as team from '../../src/services/staff-team';
import { resetTaroMocks, setPlatform } from '../helpers';
import { PRODUCTS, STORES } from '../fixtures';
import { WANGLI_PICK, deskFilingResult, failResult, okResult, personPicks, resetServiceMocks } from '../staff-fixtures';

jest.mock('../../src/services/visits');
jest.mock('../../src/services/booking');
jest.mock('../../src/services/staff-team');
const svc = jest.mocked(visits);
const stores = jest.mocked(booking);
const people = jest.mocked(team);

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
  resetServiceMocks(visits);
  resetServiceMocks(booking);
  resetServiceMocks(team);
  people.findCustomers.mockResolvedValue(
    okResult(
      personPicks([WANGLI_PICK, { customerId: 'cust-9', displayName: '王*', maskedPhone: '138****0009', kind: 'new' }]),
    ),
  );
  stores.listStores.mockResolvedValue(okResult({ stores: [STORES[0]] }) as never);
  stores.listProducts.mockResolvedValue(okResult({ products: PRODUCTS }) as never);
  svc.fileAtDesk.mockResolvedValue(okResult(deskFilingResult()));
});

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

function fill(channel: string) {
  type('filing-phone', '13900138000');
  type('filing-name', '陈小姐');
  fireEvent.click(screen.getByTestId(`channel-${channel}`));
  fireEvent.click(screen.getByTestId('grade-F2'));
}

describe('desk filing', () => {
  it('lists the clinic channels and the grades with their definitions', async () => {
    render(<DeskFilingPage />);
    const channels = screen.getByTestId('channel-picker').textContent ?? '';
    for (const label of ['搜索', '电商', '社交', '电话', '小程序', '直接来院', '老带新'])
      expect(channels).toContain(label);
    const grades = screen.getByTestId('grade-picker');
    expect(within(grades).getByTestId('grade-F1').textContent).toContain('预计 1 个月内到院');
    expect(within(grades).getByTestId('grade-F2').textContent).toContain('预计 3 个月内到院');
    expect(within(grades).getByTestId('grade-F3').textContent).toContain('不明确');
    expect(await screen.findByTestId('product-product-eyes')).toBeTruthy();
  });

  it('files a new person with the chosen products: 已建档', async () => {
    render(<DeskFilingPage />);
    fill('search');
    fireEvent.click(await screen.findByTestId('product-product-eyes'));
    fireEvent.click(screen.getByTestId('filing-submit'));
    const result = await screen.findByTestId('filing-result');
    expect(svc.fileAtDesk).toHaveBeenCalledWith({
      phone: '13900138000',
      name: '陈小姐',
      channel: 'search',
      grade: 'F2',
      productIds: ['product-eyes'],
    });
    expect(within(result).getByTestId('filing-headline').textContent).toBe('已建档');
    expect(within(result).getByTestId('attribution-channel').textContent).toContain('搜索（一级）（暂定');
    expect(screen.queryByTestId('filing-refused')).toBeNull();
  });

  it('老带新 needs the referrer before anything is sent', async () => {
    render(<DeskFilingPage />);
    fill('referral');
    fireEvent.click(screen.getByTestId('filing-submit'));
    expect(screen.getByTestId('error-referrerCustomerId').textContent).toBe('老带新建档必须选择推荐的老客');
    expect(svc.fileAtDesk).not.toHaveBeenCalled();

    // The referrer is found by exact name; a new customer of the same name cannot be picked.
    type('filing-referrer-query', '王丽');
    fireEvent.click(screen.getByTestId('filing-referrer-search'));
    const other = await screen.findByTestId('filing-referrer-result-cust-9');
    expect(people.findCustomers).toHaveBeenCalledWith('王丽');
    expect(other.getAttribute('data-pickable')).toBe('false');
    expect(other.textContent).toContain('新客，不能作为老客');
    fireEvent.click(other);
    expect(screen.queryByTestId('filing-referrer-chosen')).toBeNull();
    fireEvent.click(screen.getByTestId('filing-referrer-result-cust-0001'));
    expect(screen.getByTestId('filing-referrer-chosen').textContent).toContain('130****1966');

    fireEvent.click(screen.getByTestId('filing-submit'));
    await screen.findByTestId('filing-result');
    expect(svc.fileAtDesk).toHaveBeenCalledWith({
      phone: '13900138000',
      name: '陈小姐',
      channel: 'referral',
      grade: 'F2',
      referrerCustomerId: 'cust-0001',
      productIds: [],
    });
  });

  it('a person filed before: 已建档客户（记为接触）', async () => {
    svc.fileAtDesk.mockResolvedValue(
      okResult(deskFilingResult({ existing: true, message: '该顾客已建档，本次记为接触' })),
    );
    render(<DeskFilingPage />);
    fill('search');
    fireEvent.click(screen.getByTestId('filing-submit'));
    expect((await screen.findByTestId('filing-headline')).textContent).toBe('已建档客户（记为接触）');
    expect(screen.getByTestId('filing-message').textContent).toBe('该顾客已建档，本次记为接触');
  });

  it('a refused re-attribution shows the refusal message prominently', async () => {
    svc.fileAtDesk.mockResolvedValue(
      okResult(
        deskFilingResult({
          existing: true,
          reattributionRefused: true,
          message: '不允许补单和改单：该顾客已由 搜索 建档，渠道与归属不可变更，本次已记录',
        }),
      ),
    );
    render(<DeskFilingPage />);
    fill('ecommerce');
    fireEvent.click(screen.getByTestId('filing-submit'));
    const refused = await screen.findByTestId('filing-refused');
    expect(refused.textContent).toContain('不允许补单和改单：该顾客已由 搜索 建档，渠道与归属不可变更');
    expect(screen.getByTestId('filing-headline').textContent).toBe('已建档客户（记为接触）');
  });

  it('names the missing fields, and a function failure keeps the form', async () => {
    svc.fileAtDesk.mockResolvedValue(failResult('FORBIDDEN', '您没有权限进行此操作'));
    render(<DeskFilingPage />);
    fireEvent.click(screen.getByTestId('filing-submit'));
    expect(screen.getByTestId('error-channel').textContent).toBe('请选择渠道');
    expect(screen.getByTestId('error-grade').textContent).toBe('请选择意向等级');
    expect(svc.fileAtDesk).not.toHaveBeenCalled();
    fill('phone');
    fireEvent.click(screen.getByTestId('filing-submit'));
    expect((await screen.findByTestId('filing-error')).textContent).toBe('您没有权限进行此操作');
  });

  it('products failing to load do not block the filing', async () => {
    stores.listStores.mockResolvedValue(failResult('NETWORK', '网络不可用，请稍后重试') as never);
    render(<DeskFilingPage />);
    expect((await screen.findByTestId('products-error')).textContent).toContain('网络不可用');
    fill('social');
    fireEvent.click(screen.getByTestId('filing-submit'));
    expect(await screen.findByTestId('filing-result')).toBeTruthy();
  });
});
