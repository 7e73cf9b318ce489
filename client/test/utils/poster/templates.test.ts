import {
  DEFAULT_POSTER_TEMPLATE,
  POSTER_TEMPLATES,
  POSTER_WIDTH,
  posterContent,
  posterLayout,
  type PosterContent,
  type PosterLayout,
  type PosterOp,
  type PosterTemplateId,
} from '../../../src/utils/poster';
import { FALLBACK_GIFT } from '../../../src/utils/poster/copy';
import { fakeWidth } from '../../canvas';

const CLINIC = { name: '悦美医疗美容', tagline: '好友相邀 · 同享美丽' };
const CARD = {
  code: '34MJW8AR',
  qrUrl: 'http://127.0.0.1:10086/local-files/referral-cards/34MJW8AR.png',
  shownAs: { name: '王*' },
  refereeBenefits: [{ title: '返利金 5%', description: '您首次消费后，按实付金额的 5% 计入返利金' }],
};
const IDS = POSTER_TEMPLATES.map((t) => t.id);

type TextOp = Extract<PosterOp, { kind: 'text' }>;
const texts = (layout: PosterLayout) => layout.ops.filter((op): op is TextOp => op.kind === 'text');
const allText = (layout: PosterLayout) => texts(layout).map((op) => op.text);

/** A text op's box: its measured width around the anchor, one font size tall around the middle. */
function box(op: TextOp) {
  const w = fakeWidth(op.text, op.font) + (op.spacing ?? 0) * Math.max(0, Array.from(op.text).length - 1);
  const left = op.align === 'left' ? op.x : op.align === 'center' ? op.x - w / 2 : op.x - w;
  return { left, right: left + w, top: op.y - op.size * 0.6, bottom: op.y + op.size * 0.6 };
}
type Box = ReturnType<typeof box>;
const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
/** The squares of the code and the avatar. */
function pictures(layout: PosterLayout): Box[] {
  return layout.ops.flatMap((op) => {
    if (op.kind === 'qr') return [{ left: op.x, right: op.x + op.size, top: op.y, bottom: op.y + op.size }];
    if (op.kind === 'avatar')
      return [{ left: op.cx - op.r, right: op.cx + op.r, top: op.cy - op.r, bottom: op.cy + op.r }];
    return [];
  });
}

const LONG =
  '首次消费满 ¥6800 后，可获赠“水光焕颜”护理一次（价值 ¥1280），到院由顾问确认，具体以门店公示的活动细则为准，本活动最终解释权归门店所有。';
const CONTENTS: Record<string, PosterContent> = {
  typical: posterContent(CARD, CLINIC),
  'no benefits': posterContent({ ...CARD, refereeBenefits: [] }, CLINIC),
  'three long benefits and a long name': posterContent(
    {
      ...CARD,
      shownAs: { name: 'Alexandra 欧阳娜娜娜娜娜' },
      refereeBenefits: [
        { title: '新客首单立减 ¥500，叠加会员 9.5 折优惠，再送玻尿酸补水护理', description: LONG },
        { title: '返利金 5%', description: LONG },
        { title: '积分 200', description: '' },
      ],
    },
    CLINIC,
  ),
  'no mini-program code': posterContent({ code: 'K7M3Q9AB', shownAs: { name: '李*' } }, CLINIC),
};

describe.each(IDS)('the %s poster', (id: PosterTemplateId) => {
  test('shows the referrer, the friend’s gift, the clinic, the code and how to open it', () => {
    const layout = posterLayout(id, CONTENTS.typical as PosterContent, fakeWidth);
    const words = allText(layout).join('');
    expect(words).toContain('王*');
    expect(words).toContain('返利金 5%');
    expect(words).toContain('计入返利金');
    expect(words).toContain('悦美医疗美容');
    expect(words).toContain('同享美丽');
    expect(words).toContain('34MJW8AR');
    expect(words).toContain('长按识别小程序码');
    expect(layout.ops.filter((op) => op.kind === 'qr')).toHaveLength(1);
    expect(layout.width).toBe(POSTER_WIDTH);
  });

  test('without a photo the avatar is the first character of the name', () => {
    const layout = posterLayout(id, CONTENTS.typical as PosterContent, fakeWidth);
    const avatar = layout.ops.find((op) => op.kind === 'avatar');
    expect(avatar).toMatchObject({ initial: '王' });
  });

  test('without benefits it says the desk introduces the new-customer gift', () => {
    const words = allText(posterLayout(id, CONTENTS['no benefits'] as PosterContent, fakeWidth)).join('');
    expect(words).toContain(FALLBACK_GIFT.title);
    expect(words).toContain(FALLBACK_GIFT.description);
  });

  test('a 20-character name leaves the headline whole', () => {
    const content = posterContent({ ...CARD, shownAs: { name: 'Alexandra 欧阳娜娜娜娜娜' } }, CLINIC);
    const words = allText(posterLayout(id, content, fakeWidth)).join('');
    expect(words).toMatch(/送您一份好友(专享)?礼遇|美丽加倍/);
    expect(words).toContain('Alexandra 欧阳娜娜娜娜娜');
  });

  test('a plain QR says to scan it, not to long-press a mini-program code', () => {
    const words = allText(posterLayout(id, CONTENTS['no mini-program code'] as PosterContent, fakeWidth)).join('');
    expect(words).toContain('扫码');
    expect(words).not.toContain('小程序码');
  });

  test.each(Object.keys(CONTENTS))('nothing is clipped or overlapping (%s)', (name) => {
    const layout = posterLayout(id, CONTENTS[name] as PosterContent, fakeWidth);
    const boxes = texts(layout).map(box);
    for (const b of boxes) {
      expect(b.left).toBeGreaterThanOrEqual(40);
      expect(b.right).toBeLessThanOrEqual(POSTER_WIDTH - 40);
      expect(b.top).toBeGreaterThan(0);
      expect(b.bottom).toBeLessThan(layout.height - 40);
    }
    const squares = pictures(layout);
    boxes.forEach((a, i) => {
      boxes.slice(i + 1).forEach((b) => expect(overlap(a, b)).toBe(false));
      squares.forEach((s) => expect(overlap(a, s)).toBe(false));
    });
    for (const s of squares) expect(s.bottom).toBeLessThan(layout.height - 40);
  });

  test('a poster of usual content is about a phone screen and a half tall (no empty space)', () => {
    const layout = posterLayout(id, CONTENTS.typical as PosterContent, fakeWidth);
    expect(layout.height).toBeGreaterThan(POSTER_WIDTH * 1.4);
    expect(layout.height).toBeLessThan(POSTER_WIDTH * 2.1);
  });
});

describe('poster templates', () => {
  test('three templates, each its own look', () => {
    expect(POSTER_TEMPLATES.map((t) => t.label)).toEqual(['简约', '礼遇', '花漾']);
    expect(IDS).toContain(DEFAULT_POSTER_TEMPLATE);
    const backgrounds = IDS.map((id) =>
      JSON.stringify(posterLayout(id, CONTENTS.typical as PosterContent, fakeWidth).ops[0]),
    );
    expect(new Set(backgrounds).size).toBe(3);
  });

  test('gift lines are the clinic’s referee benefits (at most three), else the fallback', () => {
    expect(CONTENTS.typical?.gifts).toEqual([CARD.refereeBenefits[0]]);
    expect(CONTENTS['no benefits']?.gifts).toEqual([FALLBACK_GIFT]);
  });

  test('the referrer is shown as the card says, with the photo when there is one', () => {
    const withPhoto = posterContent({ ...CARD, shownAs: { name: '小美', avatarUrl: 'https://a/b.png' } }, CLINIC);
    expect(withPhoto.referrer).toEqual({ name: '小美', avatarUrl: 'https://a/b.png' });
    expect(posterContent({ code: 'X' }, CLINIC).referrer).toEqual({ name: '您的好友' });
  });

  test('centred paragraphs are balanced: no long line above a stub', () => {
    const content = posterContent(
      {
        ...CARD,
        refereeBenefits: [
          { title: '返利金 5%', description: '您首次消费后，按实付金额的 5% 计入返利金（365 天内有效）' },
        ],
      },
      CLINIC,
    );
    const lines = texts(posterLayout('gift', content, fakeWidth)).filter(
      (op) => op.text.includes('消费') || op.text.includes('有效'),
    );
    expect(lines).toHaveLength(2);
    const [a, b] = lines.map((op) => fakeWidth(op.text, op.font)) as [number, number];
    expect(Math.min(a, b) / Math.max(a, b)).toBeGreaterThan(0.7);
    // Left-aligned text keeps full lines.
    const left = texts(posterLayout('simple', content, fakeWidth)).filter((op) => op.text.includes('消费'));
    expect(fakeWidth(left[0]?.text ?? '', left[0]?.font ?? '')).toBeGreaterThan(400);
  });

  test('a left-aligned line starting with （ is pulled half a character left, so it does not look indented', () => {
    const content = posterContent(
      {
        ...CARD,
        refereeBenefits: [{ title: '返利金 5%', description: '一二三四五六七八九十一二三四五六七八（有效）' }],
      },
      CLINIC,
    );
    const ops = texts(posterLayout('simple', content, fakeWidth));
    const first = ops.find((op) => op.text.startsWith('一')) as TextOp;
    const bracket = ops.find((op) => op.text.startsWith('（')) as TextOp;
    expect(first.x - bracket.x).toBe(bracket.size / 2);
  });

  test('a Latin name’s initial is its capital letter', () => {
    const layout = posterLayout('simple', posterContent({ ...CARD, shownAs: { name: 'amy' } }, CLINIC), fakeWidth);
    expect(layout.ops.find((op) => op.kind === 'avatar')).toMatchObject({ initial: 'A' });
  });

  test('authored lines are never split inside a phrase, even on a narrow measure', () => {
    for (const id of IDS) {
      const lines = allText(
        posterLayout(id, CONTENTS['three long benefits and a long name'] as PosterContent, fakeWidth),
      );
      for (const phrase of ['好友专享', '好友礼遇', '诚意推荐', '小程序码', '长按识别', '美丽加倍']) {
        const halves = Array.from(phrase)
          .map((_, i) => [phrase.slice(0, i), phrase.slice(i)])
          .slice(1);
        lines.forEach((line, i) => {
          for (const [a, b] of halves)
            expect(line.endsWith(a as string) && lines[i + 1]?.startsWith(b as string)).toBe(false);
        });
      }
    }
  });
});
