import { askApproach } from '../../src/golden-time/approach';

const ask = (segment: Parameters<typeof askApproach>[0]['segment'], hasReferred = false) =>
  askApproach({ segment, hasReferred });

describe('§5 how to ask, by segment', () => {
  test('§5 VIP and bargain-lovers are asked one to one', () => {
    for (const segment of ['vip', 'bargain'] as const) expect(ask(segment).how).toMatch(/^一对一精准沟通/);
  });

  test('§5 important and highly satisfied customers get the survey, the benefits leaflet and Moments content', () => {
    for (const segment of ['important', 'high_satisfaction'] as const) {
      expect(ask(segment).how).toBe('满意度回访 + 权益单页 + 朋友圈素材');
    }
  });

  test('§5 everyone else gets broad reach (Moments, SMS)', () => {
    expect(ask('general').how).toBe('广泛宣导：朋友圈、短信介绍老带新政策');
  });
});

describe('§5 what to say, by the customer’s experience with referring', () => {
  test('§5 a customer who referred before is asked about friends first, and the friend’s details are noted', () => {
    const { talk } = ask('general', true);
    expect(talk).toMatch(/^曾成功带新/);
    expect(talk).toContain('联系方式、需求、预算和预计到院时间');
  });

  test('§5 a customer who never referred hears the policy and is asked what holds them back', () => {
    expect(ask('vip', false).talk).toBe('尚未带新：介绍老带新政策与项目，了解顾虑所在');
    // The segment decides how, the experience decides what: the two are independent.
    expect(ask('vip', true).how).toBe(ask('vip', false).how);
  });
});
