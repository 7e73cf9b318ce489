import {
  afterSend,
  afterSubscribeResults,
  subscribeCanReach,
  subscribeRequest,
  chooseChannel,
  NO_GRANT,
  ARGUMENT_INVALID,
} from '../../src';

describe('grant bank: one-time subscribe grants per person and template', () => {
  test('grant bank: each accepted template adds one; reject, ban and filter change nothing', () => {
    expect(afterSubscribeResults({}, { t1: 'accept' })).toEqual({ t1: 1 });
    expect(afterSubscribeResults({ t1: 2, t2: 1 }, { t1: 'accept', t2: 'reject', t3: 'ban', t4: 'filter' })).toEqual({
      t1: 3,
      t2: 1,
    });
    expect(afterSubscribeResults({ t1: 1 }, { t1: 'filtered' })).toEqual({ t1: 1 });
    const bank = { t1: 1 };
    afterSubscribeResults(bank, { t1: 'accept' });
    expect(bank).toEqual({ t1: 1 });
  });

  test('grant bank: only a successful send spends one (never below 0); 43101 empties it; other errors leave it', () => {
    expect(afterSend(3, 0)).toBe(2);
    expect(afterSend(0, 0)).toBe(0);
    expect(afterSend(3, NO_GRANT)).toBe(0);
    expect(afterSend(3, ARGUMENT_INVALID)).toBe(3);
    expect(afterSend(2, -1)).toBe(2);
  });

  test('grant bank: a one-time template reaches with a grant banked; a long-term one always', () => {
    expect(subscribeCanReach(1, false)).toBe(true);
    expect(subscribeCanReach(0, false)).toBe(false);
    expect(subscribeCanReach(0, true)).toBe(true);
  });

  test('grant bank: one request asks at most 3 templates, never one-time and long-term together', () => {
    expect(subscribeRequest([{ id: 'a', longTerm: false }])).toEqual(['a']);
    expect(
      subscribeRequest([
        { id: 'a', longTerm: false },
        { id: 'a', longTerm: false },
        { id: 'b', longTerm: false },
      ]),
    ).toEqual(['a', 'b']);
    expect(subscribeRequest([])).toBeNull();
    expect(subscribeRequest(['a', 'b', 'c', 'd'].map((id) => ({ id, longTerm: true })))).toBeNull();
    expect(
      subscribeRequest([
        { id: 'a', longTerm: false },
        { id: 'b', longTerm: true },
      ]),
    ).toBeNull();
  });
});

describe('channels: the clinic’s order per message kind', () => {
  test('channels: the first channel of the order that can reach the person is used', () => {
    expect(chooseChannel(['subscribe', 'in_app'], { subscribe: true })).toBe('subscribe');
    expect(chooseChannel(['wecom', 'subscribe', 'in_app'], { subscribe: true, wecom: false })).toBe('subscribe');
    expect(chooseChannel(['wecom', 'subscribe'], { subscribe: true, wecom: true })).toBe('wecom');
  });

  test('channels: in-app when nothing in the order can reach, or when the order puts it first', () => {
    expect(chooseChannel(['subscribe', 'in_app'], { subscribe: false })).toBe('in_app');
    expect(chooseChannel(['subscribe'], {})).toBe('in_app');
    expect(chooseChannel(['in_app', 'subscribe'], { subscribe: true })).toBe('in_app');
  });
});
