import Taro from '@tarojs/taro';
import { refillDigestOnTap, rememberDigestTemplate } from '../../src/services/digest-subscription';
import { cloudCalls, ok, resetTaroMocks, routeCloud, setPlatform } from '../helpers';

const requestSubscribe = Taro.requestSubscribeMessage as unknown as jest.Mock;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  resetTaroMocks();
  setPlatform('weapp');
  Taro.removeStorageSync('clinic.digestTemplate');
  routeCloud({ 'staff.recordSubscription': () => ok({ digestGrants: 1, reachable: true }) });
});

describe('refilling the digest on a tap that finishes work', () => {
  it('asks WeChat for the template the workbench named and banks an 允许', async () => {
    rememberDigestTemplate({ id: 'tmpl-staff-digest', longTerm: false });
    requestSubscribe.mockResolvedValue({ 'tmpl-staff-digest': 'accept' });
    refillDigestOnTap();
    // Asked at once, inside the tap (before anything was awaited).
    expect(requestSubscribe).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tmpl-staff-digest'] }));
    await settle();
    expect(cloudCalls()).toEqual([
      { call: 'staff.recordSubscription', data: { results: { 'tmpl-staff-digest': 'accept' } } },
    ]);
  });

  it('a refusal or a failed dialog banks nothing and never throws', async () => {
    rememberDigestTemplate({ id: 'tmpl-staff-digest', longTerm: false });
    requestSubscribe.mockResolvedValueOnce({ 'tmpl-staff-digest': 'reject' });
    refillDigestOnTap();
    requestSubscribe.mockRejectedValueOnce(new Error('requestSubscribeMessage:fail can only be invoked by user TAP'));
    refillDigestOnTap();
    await settle();
    expect(requestSubscribe).toHaveBeenCalledTimes(2);
    expect(cloudCalls()).toEqual([]);
  });

  it('without a template from the workbench, or in H5 (no WeChat dialog), nothing is asked', () => {
    refillDigestOnTap();
    setPlatform('h5');
    rememberDigestTemplate({ id: 'tmpl-staff-digest', longTerm: false });
    refillDigestOnTap();
    expect(requestSubscribe).not.toHaveBeenCalled();
  });
});
