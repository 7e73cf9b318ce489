/**
 * Chinese line breaking for the poster (pure; the width of a piece of text comes from `measure`).
 *
 * - A line never starts with closing punctuation (、，。！？；：）》」』】”’% …) and never ends with opening
 *   punctuation (（《「『【“‘ ¥ …): such a mark travels with its neighbour.
 * - Latin letters and numbers stay together ("5%", "¥6800", "90", "3.5"): a run breaks only at a space.
 * - Authored text is a list of phrases (`['送您', '一份', '好友专享', '礼遇']`): a line breaks only between
 *   phrases, never inside one. Free text (a plain string, e.g. a benefit description from the clinic's
 *   settings) breaks between any two Chinese characters, under the same punctuation rules.
 * - The last line is not a single orphan character when the line before can give it a companion.
 * - Beyond `maxLines` the last kept line ends with an ellipsis (…).
 * - Only a piece wider than a whole line (a very long phrase or word) is cut inside, by characters.
 */
import type { Measure } from './types';

/** A plain string is free text; an array is authored phrases, each kept on one line. */
export type PosterText = string | readonly string[];

export interface BreakOptions {
  maxWidth: number;
  font: string;
  measure: Measure;
  /** Lines beyond this are dropped and the last kept line ends with …; no limit by default. */
  maxLines?: number;
}

/** Marks a line may not start with (closing punctuation, units and the like). */
export const NO_LINE_START = new Set(Array.from('、，。．！？；：）》」』】〕〉〗〙〛”’%‰℃°·…—～｝］,.!?;:)]}>'));
/** Marks a line may not end with (opening punctuation, currency signs). */
export const NO_LINE_END = new Set(Array.from('（《「『【〔〈〖〘〚“‘([{<¥￥$＄£€'));
/** Punctuation dropped before an ellipsis ("礼遇，…" reads as "礼遇…"). */
const BEFORE_ELLIPSIS = new Set(Array.from('、，。；：！？,.;:!?'));
const ELLIPSIS = '…';

const HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}]/u;
/** Joins two word characters into one run: 3.5, 6,800, 10:00, a-b, it's. */
const JOINER = new Set(Array.from(".,:/-_'&"));

const isWordChar = (ch: string) => WORD.test(ch) && !HAN.test(ch);
const isSpace = (ch: string) => /\s/u.test(ch);

/** A piece of a line: unbreakable text, or a space (a break opportunity dropped at either end of a line). */
interface Unit {
  text: string;
  space: boolean;
}

/** Free text → its smallest pieces: one Chinese character, one Latin/number run, one space, one mark. */
function freeAtoms(text: string): Unit[] {
  const chars = Array.from(text);
  const atoms: Unit[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (isSpace(ch)) {
      atoms.push({ text: ' ', space: true });
      continue;
    }
    if (!isWordChar(ch)) {
      atoms.push({ text: ch, space: false });
      continue;
    }
    let run = ch;
    while (i + 1 < chars.length) {
      const next = chars[i + 1] as string;
      if (isWordChar(next)) {
        run += next;
        i += 1;
      } else if (JOINER.has(next) && i + 2 < chars.length && isWordChar(chars[i + 2] as string)) {
        run += next + (chars[i + 2] as string);
        i += 2;
      } else break;
    }
    atoms.push({ text: run, space: false });
  }
  return atoms;
}

/** Authored phrases → one piece each; spaces at a phrase's edges become break opportunities. */
function phraseAtoms(phrases: readonly string[]): Unit[] {
  const atoms: Unit[] = [];
  for (const phrase of phrases) {
    const m = /^(\s*)(.*?)(\s*)$/su.exec(phrase) as RegExpExecArray;
    if (m[1]) atoms.push({ text: ' ', space: true });
    if (m[2]) atoms.push({ text: m[2], space: false });
    if (m[3]) atoms.push({ text: ' ', space: true });
  }
  return atoms;
}

// No Array.prototype.at / findLastIndex: the weapp's iOS 12 engines lack them.
const lastOf = <T>(list: readonly T[]): T | undefined => list[list.length - 1];
const firstChar = (s: string) => Array.from(s)[0] ?? '';
const lastChar = (s: string) => lastOf(Array.from(s)) ?? '';

/** Glues a closing mark to what precedes it and an opening mark to what follows it. */
function glue(atoms: readonly Unit[]): Unit[] {
  const units: Unit[] = [];
  for (const atom of atoms) {
    const prev = lastOf(units);
    if (atom.space) {
      if (prev && !prev.space) units.push(atom);
      continue;
    }
    if (prev && !prev.space && (NO_LINE_START.has(firstChar(atom.text)) || NO_LINE_END.has(lastChar(prev.text)))) {
      prev.text += atom.text;
    } else {
      units.push({ ...atom });
    }
  }
  return units;
}

const joined = (line: readonly Unit[]) =>
  line
    .map((u) => u.text)
    .join('')
    .trim();
const words = (line: readonly Unit[]) => line.filter((u) => !u.space);

/** A piece wider than a line, cut by characters into line-wide parts. */
function cutByCharacters(text: string, fits: (s: string) => boolean): string[] {
  const parts: string[] = [];
  let part = '';
  for (const ch of Array.from(text)) {
    if (part !== '' && !fits(part + ch)) {
      parts.push(part);
      part = ch;
    } else part += ch;
  }
  if (part !== '') parts.push(part);
  return parts;
}

/** Visible characters of a line apart from its punctuation (an orphan has one). */
function letterCount(line: readonly Unit[]): number {
  return Array.from(joined(line)).filter((ch) => !NO_LINE_START.has(ch) && !NO_LINE_END.has(ch) && !isSpace(ch)).length;
}

export function breakLines(text: PosterText, options: BreakOptions): string[] {
  const { maxWidth, font, measure } = options;
  const maxLines = options.maxLines ?? Infinity;
  const fits = (s: string) => measure(s, font) <= maxWidth;
  const units = glue(typeof text === 'string' ? freeAtoms(text) : phraseAtoms(text));

  const lines: Unit[][] = [];
  let line: Unit[] = [];
  for (const unit of units) {
    if (unit.space) {
      if (words(line).length > 0) line.push(unit);
      continue;
    }
    if (words(line).length > 0 && fits(joined([...line, unit]))) {
      line.push(unit);
      continue;
    }
    if (words(line).length > 0) lines.push(line);
    if (fits(unit.text)) {
      line = [unit];
      continue;
    }
    const parts = cutByCharacters(unit.text, fits);
    for (const part of parts.slice(0, -1)) lines.push([{ text: part, space: false }]);
    line = [{ text: lastOf(parts) as string, space: false }];
  }
  if (words(line).length > 0) lines.push(line);

  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    const last = kept[maxLines - 1] as Unit[];
    const withEllipsis = (l: Unit[]) => {
      let s = joined(l);
      while (s !== '' && BEFORE_ELLIPSIS.has(lastChar(s))) s = Array.from(s).slice(0, -1).join('');
      return s + ELLIPSIS;
    };
    while (words(last).length > 1 && !fits(withEllipsis(last))) {
      last.pop();
      while (lastOf(last)?.space) last.pop();
    }
    let end = withEllipsis(last);
    // One piece too wide even alone (cut by characters above): shorten it character by character.
    while (!fits(end) && Array.from(end).length > 1) end = Array.from(end).slice(0, -2).join('') + ELLIPSIS;
    return [...kept.slice(0, -1).map(joined), end];
  }

  // An orphan: the last line is one character (maybe with its punctuation); the line before gives it a companion.
  if (lines.length >= 2) {
    const last = lines[lines.length - 1] as Unit[];
    const before = lines[lines.length - 2] as Unit[];
    let lastWord = before.length - 1;
    while (lastWord > 0 && (before[lastWord] as Unit).space) lastWord -= 1;
    if (letterCount(last) === 1 && words(before).length >= 2) {
      const candidate = [...before.slice(lastWord), ...last];
      if (fits(joined(candidate))) {
        lines[lines.length - 2] = before.slice(0, lastWord);
        lines[lines.length - 1] = candidate;
      }
    }
  }
  return lines.map(joined);
}
