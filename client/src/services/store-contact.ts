import Taro from '@tarojs/taro';
import type { StoreInfo } from './booking';

/**
 * 导航 to a store: WeChat's map (openLocation, which hands over to the phone's map apps) in weapp;
 * in a browser, the Amap marker page (opens the Amap app where installed). No location → false.
 */
export function navigateToStore(store: StoreInfo): boolean {
  const at = store.location;
  if (!at) return false;
  if (process.env.TARO_ENV === 'h5') {
    const query = new URLSearchParams({
      position: `${at.longitude},${at.latitude}`,
      name: store.name,
      src: 'clinic-referral',
      coordinate: 'gaode',
      callnative: '1',
    });
    window.open(`https://uri.amap.com/marker?${query.toString()}`, '_blank', 'noopener');
    return true;
  }
  void Taro.openLocation({
    latitude: at.latitude,
    longitude: at.longitude,
    name: store.name,
    address: store.address,
    scale: 16,
  }).catch(() => undefined);
  return true;
}

/** 一键拨号: the phone's dialler with the store's number (a `tel:` link in a browser). */
export function callStore(store: StoreInfo): boolean {
  if (!store.phone) return false;
  if (process.env.TARO_ENV === 'h5') {
    window.location.href = `tel:${store.phone.replace(/[^\d+]/g, '')}`;
    return true;
  }
  void Taro.makePhoneCall({ phoneNumber: store.phone }).catch(() => undefined);
  return true;
}
