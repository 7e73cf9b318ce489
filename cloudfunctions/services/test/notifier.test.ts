import type { NotifyChannel } from '@clinic/shared';
import type { Database } from '../../platform/db-types';
import { deliver, type Notification, type Sender } from '../notifier';

/** Just what the notifier's outbox needs of a database: add with a fixed `_id`, doc get and update. */
function fakeDb() {
  const docs = new Map<string, Record<string, unknown>>();
  const db = {
    command: {},
    collection: () => ({
      add: async ({ data }: { data: Record<string, unknown> }) => {
        const id = String(data._id);
        if (docs.has(id)) throw Object.assign(new Error('E11000 duplicate key error'), { errCode: -502001 });
        docs.set(id, { ...data });
        return { _id: id };
      },
      doc: (id: string) => ({
        get: async () => ({ data: docs.get(id) ?? null }),
        update: async ({ data }: { data: Record<string, unknown> }) => {
          docs.set(id, { ...docs.get(id), ...data });
          return { stats: { updated: 1 } };
        },
      }),
    }),
  } as unknown as Database;
  return { db, docs };
}

const sender = (channel: NotifyChannel, reach: boolean, answer: number | Error): Sender & { sent: number } => {
  const s = {
    channel,
    sent: 0,
    canReach: async () => reach,
    send: async () => {
      s.sent += 1;
      if (answer instanceof Error) throw answer;
      return { errCode: answer };
    },
  };
  return s;
};

const message = (order: NotifyChannel[]): Notification => ({
  key: 'digest_2027-03-01_s1',
  kind: 'staff_digest',
  chainId: 'c1',
  date: '2027-03-01',
  order,
  recipient: { audience: 'staff', id: 's1', openid: 'o1' },
  longTerm: false,
  subscribe: { touser: 'o1', templateId: 't', page: 'p', data: { thing1: { value: 'x' } } },
  summary: '今日回访 1 条，逾期 0 条',
  counts: { today: 1, overdue: 0 },
});
const NOW = new Date('2027-03-01T01:00:00Z');

describe('notifier: claim first, the first channel that reaches, in-app when none delivers', () => {
  test('notifier: a second delivery of the same key is a duplicate and sends nothing', async () => {
    const { db, docs } = fakeDb();
    const subscribe = sender('subscribe', true, 0);
    const inApp = sender('in_app', true, 0);
    const senders = { subscribe, in_app: inApp };
    expect(await deliver(db, message(['subscribe', 'in_app']), NOW, senders)).toEqual({
      outcome: 'sent',
      channel: 'subscribe',
      attempts: [],
    });
    expect(await deliver(db, message(['subscribe', 'in_app']), NOW, senders)).toEqual({ outcome: 'duplicate' });
    expect(subscribe.sent).toBe(1);
    expect(docs.get('digest_2027-03-01_s1')).toMatchObject({
      status: 'sent',
      channel: 'subscribe',
      staffId: 's1',
      claimedAt: NOW.toISOString(),
      doneAt: NOW.toISOString(),
    });
  });

  test('notifier: a channel that refuses hands over to the next in the order, then to in-app', async () => {
    const { db, docs } = fakeDb();
    const wecom = sender('wecom', true, 81013);
    const subscribe = sender('subscribe', true, 47003);
    const inApp = sender('in_app', true, 0);
    const result = await deliver(db, message(['wecom', 'subscribe', 'in_app']), NOW, {
      wecom,
      subscribe,
      in_app: inApp,
    });
    expect(result).toEqual({
      outcome: 'in_app',
      channel: 'in_app',
      attempts: [
        { channel: 'wecom', errCode: 81013 },
        { channel: 'subscribe', errCode: 47003 },
      ],
    });
    expect([wecom.sent, subscribe.sent, inApp.sent]).toEqual([1, 1, 1]);
    expect(docs.get('digest_2027-03-01_s1')).toMatchObject({
      status: 'in_app',
      attempts: [
        { channel: 'wecom', errCode: 81013 },
        { channel: 'subscribe', errCode: 47003 },
      ],
    });
  });

  test('notifier: a channel that cannot reach, or has no sender, is skipped without a send', async () => {
    const { db } = fakeDb();
    const subscribe = sender('subscribe', false, 0);
    const inApp = sender('in_app', true, 0);
    const result = await deliver(db, message(['wecom', 'subscribe']), NOW, { subscribe, in_app: inApp });
    expect(result).toEqual({ outcome: 'in_app', channel: 'in_app', attempts: [] });
    expect(subscribe.sent).toBe(0);
  });

  test('notifier: a delivery that breaks after the claim is recorded failed and never sent again', async () => {
    const { db, docs } = fakeDb();
    const subscribe = sender('subscribe', true, new Error('network down'));
    const inApp = sender('in_app', true, 0);
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await deliver(db, message(['subscribe']), NOW, { subscribe, in_app: inApp })).toMatchObject({
      outcome: 'failed',
    });
    spy.mockRestore();
    expect(docs.get('digest_2027-03-01_s1')).toMatchObject({ status: 'failed' });
    expect(await deliver(db, message(['subscribe']), NOW, { subscribe, in_app: inApp })).toEqual({
      outcome: 'duplicate',
    });
    expect(subscribe.sent).toBe(1);
  });
});
