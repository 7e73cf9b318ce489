/**
 * H5: an invitation sent as a link that opens (the landing page's address). The browser's share sheet
 * where it has one (phones), else the clipboard, for pasting into a WeChat chat. weapp never needs this:
 * its share button sends the card itself.
 */
import Taro from '@tarojs/taro';

export type LinkShared = 'shared' | 'copied' | 'cancelled' | 'failed';

interface WebShare {
  share?: (data: { title: string; url: string }) => Promise<void>;
}

export async function shareInvitationLink(url: string, title: string): Promise<LinkShared> {
  const nav = (typeof navigator === 'undefined' ? undefined : navigator) as WebShare | undefined;
  if (nav?.share) {
    try {
      await nav.share({ title, url });
      return 'shared';
    } catch (error) {
      // The person closed the sheet: nothing to do. Any other refusal falls back to the clipboard.
      if ((error as { name?: string } | null)?.name === 'AbortError') return 'cancelled';
    }
  }
  try {
    await Taro.setClipboardData({ data: url });
    return 'copied';
  } catch {
    return 'failed';
  }
}
