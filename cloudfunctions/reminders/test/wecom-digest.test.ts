import { DEMO_CHAIN_ID } from '../../../local-cloud/src/dev/seed/demo-identities';
import { startClinic, type Clinic } from '../../test/support/clinic';

jest.setTimeout(240_000);

/**
 * A clinic whose staff use 企业微信: the digest goes out as a WeCom card first, and only a colleague
 * WeCom cannot reach falls back along the clinic's order (subscribe, then in-app). Exactly once.
 */
const TODAY = '2027-03-01';
let clinic: Clinic;

const task = (id: string, ownerStaffId: string, dueDate: string) => ({
  _id: id,
  id,
  chainId: DEMO_CHAIN_ID,
  storeId: 'store-1',
  customerId: 'cust-0002',
  ownerStaffId,
  kind: 'cadence',
  dueDate,
  status: 'open',
  createdAt: '2027-02-01T01:00:00.000Z',
});

beforeAll(async () => {
  clinic = await startClinic();
  const reply = clinic.cloud.db.handle('database.modifyDocument', {
    collectionName: 'settings',
    queryType: 'DOC',
    query: JSON.stringify({ _id: DEMO_CHAIN_ID }),
    data: JSON.stringify({ $set: { 'notifications.channelOrder.staff_digest': ['wecom', 'subscribe', 'in_app'] } }),
    multi: false,
    merge: true,
    upsert: false,
  });
  expect(reply).toMatchObject({ data: { updated: 1 } });
  // 陈静 is a member of the demo corp; 孙悦's member id is one the corp does not know (she left WeCom).
  clinic.cloud.db.handle('database.modifyDocument', {
    collectionName: 'staff',
    queryType: 'DOC',
    query: JSON.stringify({ _id: 'staff-s1-butler-1' }),
    data: JSON.stringify({ $set: { wecomUserId: 'left.the.corp' } }),
    multi: false,
    merge: true,
    upsert: false,
  });
  clinic.cloud.db.insertMany('followUpTasks', [
    task('wd-c1', 'staff-s1-consultant-1', TODAY),
    task('wd-c2', 'staff-s1-consultant-1', '2027-02-26'),
    task('wd-b1', 'staff-s1-butler-1', TODAY),
  ]);
  clinic.cloud.clock.set(new Date('2027-03-01T01:30:00.000Z')); // 09:30 in Shanghai: the digest hour
});
afterAll(async () => {
  await clinic.cloud.stop();
});

const fire = () =>
  clinic.cloud.runner.invoke(
    'reminders',
    { Type: 'Timer', TriggerName: 'hourly', Time: clinic.cloud.clock.now().toISOString() },
    { source: 'wx_trigger' },
  );
const wecomSends = async () => {
  const { body } = await clinic.cloud.api('GET', '/outbox');
  return (body as any[]).filter((e) => e.apiName === 'wecom.message.send');
};

test('the digest reaches a WeCom member as a workbench card, once, even when the timer fires twice', async () => {
  await Promise.all([fire(), fire()]);
  await fire();
  const sent = (await wecomSends()).filter((e) => e.caller === 'staff-s1-consultant-1');
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({
    result: 'ok',
    params: {
      msgtype: 'miniprogram_notice',
      miniprogram_notice: {
        appid: 'wx-demo-yuemei',
        page: 'packages/staff/pages/workbench/index',
        title: '今日回访提醒',
        content_item: [
          { key: '今日回访', value: '1 条' },
          { key: '逾期', value: '1 条' },
          { key: '首位客户', value: expect.stringMatching(/^刘/) },
        ],
      },
    },
  });
  const record = clinic.cloud.db.find('notifications', { staffId: 'staff-s1-consultant-1', date: TODAY });
  expect(record).toHaveLength(1);
  expect(record[0]).toMatchObject({ status: 'sent', channel: 'wecom' });
});

test('a colleague WeCom does not know falls back along the order: no grant, so in-app', async () => {
  const attempts = (await wecomSends()).filter((e) => e.caller === 'left.the.corp');
  expect(attempts).toHaveLength(1);
  expect(attempts[0]).toMatchObject({ result: 'error', errCode: 81013 });
  const [record] = clinic.cloud.db.find('notifications', { staffId: 'staff-s1-butler-1', date: TODAY }) as any[];
  expect(record).toMatchObject({ status: 'in_app', channel: 'in_app' });
  const bench = await clinic.call('staff', 'workbench', {}, 'demo-staff-butler-service-1');
  expect(bench.body.data.inAppUnread).toBe(1);
});
