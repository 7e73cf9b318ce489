import { callablePhone, customerPageUrl, dealPageUrl, profileRows, taskPageUrl } from '../../src/utils/customer-card';
import { customerCard } from '../staff-fixtures';

describe('customer card', () => {
  it('shows the rows the answer has', () => {
    const c = customerCard().customer;
    expect(profileRows(c)).toEqual([
      { key: 'grade', label: '意向等级', value: 'F1 一级（强）' },
      { key: 'channel', label: '归属渠道', value: '老带新' },
      { key: 'referrer', label: '推荐老客', value: '王*' },
    ]);
    expect(profileRows({ ...c, grade: undefined, channelLabel: undefined, referrerDisplayName: undefined })).toEqual(
      [],
    );
  });

  it('offers tap-to-call only with the full number', () => {
    expect(callablePhone({ phone: '13955550001' })).toBe('13955550001');
    expect(callablePhone({})).toBeUndefined();
    expect(callablePhone({ phone: ' ' })).toBeUndefined();
  });

  it('links: card, deal, task', () => {
    expect(customerPageUrl('/p/customer', 'cust 1')).toBe('/p/customer?customerId=cust%201');
    expect(dealPageUrl('/p/deal', 'cust-1')).toBe('/p/deal?customerId=cust-1');
    expect(taskPageUrl('/p/task', 't-1')).toBe('/p/task?id=t-1');
  });
});
