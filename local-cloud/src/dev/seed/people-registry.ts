/**
 * Names and mobile numbers of the demo clinic's people: realistic, and unique within the clinic
 * (every generator of the seed draws from one registry of what is taken).
 */
import { normalizePhone } from '@clinic/shared';
import type { Rng } from './rng';

const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72],
  ['李', 72],
  ['张', 68],
  ['刘', 54],
  ['陈', 48],
  ['杨', 32],
  ['黄', 25],
  ['赵', 24],
  ['吴', 21],
  ['周', 21],
  ['徐', 17],
  ['孙', 16],
  ['马', 15],
  ['朱', 14],
  ['胡', 14],
  ['郭', 13],
  ['何', 13],
  ['高', 12],
  ['林', 12],
  ['罗', 11],
  ['郑', 11],
  ['梁', 10],
  ['谢', 8],
  ['宋', 8],
  ['唐', 8],
  ['许', 7],
  ['韩', 7],
  ['冯', 7],
  ['邓', 7],
  ['曹', 7],
  ['彭', 6],
  ['曾', 6],
  ['肖', 6],
  ['田', 6],
  ['董', 6],
  ['袁', 5],
  ['潘', 5],
  ['于', 5],
  ['蒋', 5],
  ['蔡', 5],
  ['余', 5],
  ['杜', 5],
  ['叶', 5],
  ['程', 5],
  ['苏', 4],
  ['魏', 4],
  ['吕', 4],
  ['丁', 4],
  ['任', 4],
  ['沈', 4],
  ['姚', 4],
  ['卢', 4],
  ['姜', 3],
  ['崔', 3],
  ['钟', 3],
  ['谭', 3],
  ['陆', 3],
  ['汪', 3],
  ['范', 3],
  ['金', 3],
  ['段', 2],
  ['雷', 2],
  ['龙', 2],
  ['陶', 2],
  ['贺', 2],
  ['顾', 2],
  ['毛', 2],
  ['龚', 2],
  ['邵', 2],
  ['欧阳', 1],
];

const FEMALE_GIVEN: readonly string[] = [
  '丽',
  '静',
  '敏',
  '燕',
  '艳',
  '娟',
  '霞',
  '芳',
  '娜',
  '婷',
  '雪',
  '慧',
  '琳',
  '颖',
  '倩',
  '洁',
  '蕾',
  '晶',
  '佳',
  '欣',
  '怡',
  '悦',
  '萱',
  '彤',
  '瑶',
  '璐',
  '菲',
  '岚',
  '薇',
  '媛',
  '晴',
  '蓉',
  '莉',
  '雯',
  '妍',
  '楠',
  '露',
  '梦',
  '思',
  '雨',
  '诗',
  '嘉',
  '可',
  '月',
  '玲',
  '丹',
  '凤',
  '红',
  '梅',
  '兰',
  '秀',
  '英',
  '琪',
  '婉',
  '清',
  '宁',
  '琴',
  '珊',
  '曼',
  '馨',
];
const MALE_GIVEN: readonly string[] = [
  '伟',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '杰',
  '涛',
  '明',
  '超',
  '浩',
  '宇',
  '鹏',
  '辉',
  '斌',
  '俊',
  '峰',
  '博',
  '晨',
  '轩',
];

/** Mainland mobile prefixes in use (China Mobile, Unicom, Telecom, Broadnet). */
const MOBILE_PREFIXES: readonly string[] = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '147',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '172',
  '173',
  '175',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '184',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '193',
  '195',
  '198',
  '199',
];

export class Registry {
  readonly phones = new Set<string>();
  readonly names = new Set<string>();
  constructor(private readonly rng: Rng) {}

  /** The same names and phones taken, drawing with another generator (a later part of the seed). */
  withRng(rng: Rng): Registry {
    const next = new Registry(rng);
    for (const p of this.phones) next.phones.add(p);
    for (const n of this.names) next.names.add(n);
    return next;
  }

  phone(): string {
    for (;;) {
      let digits = this.rng.pick(MOBILE_PREFIXES);
      for (let i = 0; i < 8; i++) digits += String(this.rng.int(0, 9));
      const normalized = normalizePhone(digits);
      if (!normalized.ok) throw new Error(`generated an invalid phone ${digits}: ${normalized.message}`);
      if (this.phones.has(normalized.phone)) continue;
      this.phones.add(normalized.phone);
      return normalized.phone;
    }
  }

  /** A realistic name (mostly women, as in the clinic's records), unique within the clinic. */
  name(): string {
    for (;;) {
      const surname = this.rng.weighted(SURNAMES);
      const pool = this.rng.chance(0.12) ? MALE_GIVEN : FEMALE_GIVEN;
      let given = this.rng.pick(pool);
      if (this.rng.chance(0.55)) given += this.rng.pick(pool);
      const name = surname + given;
      if (this.names.has(name)) continue;
      this.names.add(name);
      return name;
    }
  }
}
