import Taro from '@tarojs/taro';
import { TAB_PAGES } from '../constants';

/** The page path of a URL, without its query string. */
export const pathOf = (url: string): string => url.split('?')[0] ?? url;

/** Whether the URL opens a tab bar page (those cannot be pushed with navigateTo). */
export const isTabPage = (url: string): boolean => TAB_PAGES.includes(pathOf(url));

/**
 * Opens a page the way the platform requires: switchTab for the tab bar's pages (their query is
 * dropped, so a tab page reads what it needs from storage, e.g. the kept referral), navigateTo for
 * every other page.
 */
export function openPage(url: string): Promise<unknown> {
  return isTabPage(url) ? Taro.switchTab({ url: pathOf(url) }) : Taro.navigateTo({ url });
}
