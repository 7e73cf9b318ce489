import { DEMO_ACCOUNT_PHONE_CODE, demoPhoneCode } from '../../src/services/identity';
import { setCurrentIdentity } from '../../src/services/demo-identity';
import { resetTaroMocks, setPlatform } from '../helpers';

beforeEach(() => {
  resetTaroMocks();
  setPlatform('h5');
});

it('H5: a demo person with a (masked) phone binds through the account code, never a number', () => {
  setCurrentIdentity({
    openid: 'demo-customer-wangli',
    name: '王丽',
    kind: 'customer',
    label: '老客',
    phone: '130****1966',
  });
  expect(demoPhoneCode()).toBe(DEMO_ACCOUNT_PHONE_CODE);
  expect(DEMO_ACCOUNT_PHONE_CODE).toBe('demo_account_phone');
});

it('H5: no phone, or nobody chosen, gives no code', () => {
  expect(demoPhoneCode()).toBeNull();
  setCurrentIdentity({ openid: 'demo-x', name: '某人', kind: 'newcomer', label: '新客' });
  expect(demoPhoneCode()).toBeNull();
});

it('weapp: there is no stand-in code', () => {
  setCurrentIdentity({ openid: 'demo-x', name: '某人', kind: 'newcomer', label: '新客', phone: '170****0001' });
  setPlatform('weapp');
  expect(demoPhoneCode()).toBeNull();
});
