/**
 * What the poster says that is not a template's own: the content taken from the card, and the
 * shared captions. Authored strings are phrase lists (see line-break.ts): "好友专享" never breaks as 好友/专享.
 */
import type { PosterContent } from './types';

/** The friend's gift when the clinic has no referee benefit configured. */
export const FALLBACK_GIFT = { title: '新客专享礼遇', description: '到院后由顾问为您介绍新客礼遇' } as const;
/** The holder's name when the card does not say how friends see them. */
export const FALLBACK_NAME = '您的好友';

export interface CardForPoster {
  code: string;
  qrUrl?: string;
  shownAs?: { name: string; avatarUrl?: string };
  refereeBenefits?: readonly { title: string; description: string }[];
}

export function posterContent(card: CardForPoster, clinic: { name: string; tagline: string }): PosterContent {
  const name = card.shownAs?.name.trim() || FALLBACK_NAME;
  const avatarUrl = card.shownAs?.avatarUrl;
  const gifts = (card.refereeBenefits ?? []).filter((b) => b.title.trim() !== '');
  return {
    clinicName: clinic.name,
    tagline: clinic.tagline,
    referrer: avatarUrl ? { name, avatarUrl } : { name },
    gifts: gifts.length > 0 ? gifts.slice(0, 3) : [FALLBACK_GIFT],
    code: card.code,
    qrKind: card.qrUrl ? 'miniprogram' : 'link',
  };
}

/** How to open the code: a mini-program code is long-pressed in WeChat, a plain QR is scanned. */
export function qrCaption(kind: PosterContent['qrKind']): readonly string[] {
  return kind === 'miniprogram' ? ['长按识别', '小程序码'] : ['扫码', '查看', '好友邀请'];
}

export const QR_HINT: readonly string[] = ['预约到院', '，', '领取', '好友礼遇'];
export const CODE_LABEL = '推荐码';
