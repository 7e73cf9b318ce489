import fc from 'fast-check';
import { breakLines, NO_LINE_END, NO_LINE_START, type PosterText } from '../../../src/utils/poster/line-break';

/** Chinese characters and full-width marks 20 px, Latin letters, digits, ¥ and spaces 10 px — whatever the font. */
const measure = (text: string) =>
  Array.from(text).reduce((w, ch) => w + ((ch.codePointAt(0) as number) < 0x2000 ? 10 : 20), 0);
const wrap = (text: PosterText, maxWidth: number, maxLines?: number) =>
  breakLines(text, { maxWidth, font: '20px sans-serif', measure, ...(maxLines ? { maxLines } : {}) });

describe('Chinese line breaking', () => {
  test('free text breaks between any two Chinese characters', () => {
    expect(wrap('一二三四五六七八九十', 100)).toEqual(['一二三四五', '六七八九十']);
  });

  test.each(Array.from('、，。！？；：）》」』】”’'))(
    'a line never starts with closing punctuation (%s stays with the character before)',
    (mark) => {
      // Greedy by characters would give 一二三四 / {mark}五六.
      expect(wrap(`一二三四${mark}五六`, 80)).toEqual(['一二三', `四${mark}五六`]);
    },
  );

  test('a line never starts with % (“5%” stays whole)', () => {
    // By characters: 返利金5 / %计入.
    expect(wrap('返利金5%计入', 70)).toEqual(['返利金', '5%计入']);
  });

  test.each(Array.from('（《「『【“‘'))(
    'a line never ends with an opening bracket (%s stays with what follows)',
    (mark) => {
      // By characters: 一二三{mark} / 四五.
      expect(wrap(`一二三${mark}四五`, 80)).toEqual(['一二三', `${mark}四五`]);
    },
  );

  test('a line never ends with ¥ (“¥6800” stays whole)', () => {
    // By characters: 首单立减¥ / 6800.
    expect(wrap('首单立减¥6800', 100)).toEqual(['首单立减', '¥6800']);
  });

  test('Latin and number runs stay together (“3800”, “9.5”, “VIP”)', () => {
    // By characters: 尊享38 / 00元.
    expect(wrap('尊享3800元', 60)).toEqual(['尊享', '3800元']);
    expect(wrap('会员9.5折', 60)).toEqual(['会员', '9.5折']);
    expect(wrap('尊享VIP礼', 60)).toEqual(['尊享', 'VIP礼']);
  });

  test('a space is a break opportunity and never begins or ends a line', () => {
    expect(wrap('返利金 5% 计入余额', 90)).toEqual(['返利金 5%', '计入余额']);
    expect(wrap('  前后 空格  ', 200)).toEqual(['前后 空格']);
  });

  test('authored phrases are never split (“好友专享” never as 好友/专享)', () => {
    const phrases = ['送您', '一份', '好友专享', '礼遇'];
    // As free text: 送您一份好 / 友专享礼遇.
    expect(wrap(phrases.join(''), 100)).toEqual(['送您一份好', '友专享礼遇']);
    expect(wrap(phrases, 100)).toEqual(['送您一份', '好友专享', '礼遇']);
    expect(wrap(phrases, 1000)).toEqual(['送您一份好友专享礼遇']);
  });

  test('punctuation between authored phrases obeys the same rules', () => {
    // “，” is its own phrase yet never starts a line.
    expect(wrap(['和', ' ', '王*', ' ', '一起', '，', '美丽', '加倍'], 150)).toEqual(['和 王* 一起，', '美丽加倍']);
  });

  test('a name in a phrase list stays whole', () => {
    expect(wrap(['欧阳娜娜', '诚意推荐'], 100)).toEqual(['欧阳娜娜', '诚意推荐']);
  });

  test('a phrase wider than a whole line is cut by characters (the only exception)', () => {
    expect(wrap(['好友专享礼遇'], 80)).toEqual(['好友专享', '礼遇']);
  });

  test('the last line is not a single orphan character: the line before lends it one', () => {
    // Greedy: 一二三四五 / 六七八九十 / 一.
    expect(wrap('一二三四五六七八九十一', 100)).toEqual(['一二三四五', '六七八九', '十一']);
    // A character with its full stop is an orphan too.
    expect(wrap('一二三四五六七八九十一。', 100)).toEqual(['一二三四五', '六七八九', '十一。']);
  });

  test('a one-line text is no orphan', () => {
    expect(wrap('好', 100)).toEqual(['好']);
  });

  test('over the line limit, the last line ends with an ellipsis', () => {
    expect(wrap('一二三四五六七八九十一二', 100, 2)).toEqual(['一二三四五', '六七八九…']);
  });

  test('the ellipsis replaces a comma rather than following it', () => {
    // Line 2 would be 六七八，九: it keeps 六七八 and the ellipsis.
    expect(wrap('一二三四五六七八，九十', 100, 2)).toEqual(['一二三四五', '六七八…']);
  });

  test('text within the line limit gets no ellipsis', () => {
    expect(wrap('一二三四五六七八九十', 100, 2)).toEqual(['一二三四五', '六七八九十']);
  });

  test('empty text has no lines', () => {
    expect(wrap('', 100)).toEqual([]);
    expect(wrap([], 100)).toEqual([]);
  });

  // Text made of pieces no wider than a line: an opening mark, a character or a number before one, a closing mark.
  const cjk = fc.constantFrom(...Array.from('美丽好友礼遇返利金到院顾问'));
  const word = fc
    .tuple(
      fc.option(fc.constantFrom('（', '《', '“', '¥'), { nil: '' }),
      fc.oneof(
        cjk,
        fc.tuple(fc.constantFrom('5', '90', '6800', 'VIP', '3.5'), cjk).map(([a, b]) => a + b),
      ),
      fc.option(fc.constantFrom('，', '。', '）', '》', '”', '%', '！', '、'), { nil: '' }),
      fc.option(fc.constant(' '), { nil: '' }),
    )
    .map((parts) => parts.join(''));
  const text = fc.array(word, { minLength: 1, maxLength: 40 }).map((w) => w.join(''));

  test('every line fits, keeps the text, and obeys every rule — for any text and width', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 100, max: 400 }), (t, width) => {
        const lines = wrap(t, width);
        expect(lines.join('').replace(/ /g, '')).toBe(t.replace(/ /g, ''));
        for (const [i, line] of lines.entries()) {
          expect(measure(line)).toBeLessThanOrEqual(width);
          expect(line).toBe(line.trim());
          expect(NO_LINE_START.has(Array.from(line)[0] as string)).toBe(false);
          expect(NO_LINE_END.has(Array.from(line).pop() as string)).toBe(false);
          const next = lines[i + 1];
          // No break inside a Latin/number run.
          if (next) expect(/[A-Za-z0-9.]$/.test(line) && /^[A-Za-z0-9.]/.test(next)).toBe(false);
        }
      }),
    );
  });
});
