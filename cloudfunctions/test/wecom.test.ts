import { startTestCloud, type TestCloud } from '../../local-cloud/test/support/local-cloud';
import { wecomEnvironment, type WeComConfig } from '../../local-cloud/src/wecom/stand-in';
import { resetWeComToken, sendMiniprogramNotice, wecomConfigured } from '../platform/wecom';

jest.setTimeout(60_000);

/** The WeCom sender against the local cloud's stand-in (never the real service: loopback only). */
const CORP: WeComConfig = {
  corpId: 'ww-test-corp',
  secret: 'test-secret',
  agentId: '1000002',
  miniprogramAppId: 'wx-test-app',
  userIds: ['li.consultant', 'wang.nurse'],
};
const NOTICE = {
  page: 'packages/staff/pages/workbench/index',
  title: '今日回访提醒',
  items: [
    { key: '今日回访', value: '12 条' },
    { key: '逾期', value: '3 条' },
  ],
  emphasiseFirst: true,
};

let cloud: TestCloud;
const saved = { ...process.env };
beforeAll(async () => {
  cloud = await startTestCloud({ wecom: CORP });
});
beforeEach(() => {
  resetWeComToken();
  Object.assign(process.env, wecomEnvironment(CORP, `${cloud.url}/wecom`));
});
afterEach(() => {
  for (const k of Object.keys(process.env)) if (k.startsWith('WECOM_') && !(k in saved)) delete process.env[k];
});
afterAll(async () => {
  await cloud.stop();
});

const sends = () => cloud.openapi.outbox().filter((e) => e.apiName === 'wecom.message.send');

test('a notice reaches the member; the instance keeps its token across sends', async () => {
  expect(wecomConfigured()).toBe(true);
  const before = sends().length;
  const tokens = cloud.wecom?.tokensIssued() ?? 0;
  const now = cloud.clock.now().getTime();
  expect(await sendMiniprogramNotice(['li.consultant'], NOTICE, now)).toEqual({
    ok: true,
    msgid: expect.any(String),
    invalidUsers: [],
  });
  expect(await sendMiniprogramNotice(['wang.nurse', 'left.company'], NOTICE, now)).toMatchObject({
    ok: true,
    invalidUsers: ['left.company'],
  });
  expect(cloud.wecom?.tokensIssued()).toBe(tokens + 1);
  const rows = sends().slice(before);
  expect(rows.map((r) => [r.caller, r.result])).toEqual([
    ['li.consultant', 'ok'],
    ['wang.nurse|left.company', 'ok'],
  ]);
  expect(rows[0]?.params).toMatchObject({
    msgtype: 'miniprogram_notice',
    miniprogram_notice: { appid: CORP.miniprogramAppId, title: '今日回访提醒', emphasis_first_item: true },
  });
});

test('a token WeCom stopped accepting is fetched again once (42001), and the send goes through', async () => {
  const now = cloud.clock.now().getTime();
  expect((await sendMiniprogramNotice(['li.consultant'], NOTICE, now)).ok).toBe(true);
  cloud.wecom?.expireTokens();
  const before = sends().length;
  expect((await sendMiniprogramNotice(['li.consultant'], NOTICE, now)).ok).toBe(true);
  expect(
    sends()
      .slice(before)
      .map((r) => r.errCode ?? 0),
  ).toEqual([42001, 0]);
});

test('nobody of the recipients is a member: recipient; a notice outside the limits never leaves', async () => {
  const now = cloud.clock.now().getTime();
  expect(await sendMiniprogramNotice(['left.company'], NOTICE, now)).toMatchObject({
    ok: false,
    reason: 'recipient',
    errcode: 81013,
  });
  const before = sends().length;
  expect(await sendMiniprogramNotice(['li.consultant'], { ...NOTICE, title: '提醒' }, now)).toEqual({
    ok: false,
    reason: 'rejected',
    message: '标题 应为 4–12 个字（现为 2）',
  });
  expect(sends().length).toBe(before);
});

test('wrong credentials are a configuration problem (rejected), not something to retry', async () => {
  process.env.WECOM_SECRET = 'wrong';
  expect(await sendMiniprogramNotice(['li.consultant'], NOTICE)).toMatchObject({
    ok: false,
    reason: 'rejected',
    errcode: 40001,
  });
});

test('without the WeCom environment the channel is not available', async () => {
  for (const k of ['WECOM_CORP_ID', 'WECOM_SECRET', 'WECOM_MINIPROGRAM_APPID', 'WECOM_API_BASE', 'WECOM_AGENT_ID']) {
    delete process.env[k];
  }
  expect(wecomConfigured()).toBe(false);
  expect(await sendMiniprogramNotice(['li.consultant'], NOTICE)).toEqual({
    ok: false,
    reason: 'not_configured',
    message: '未配置企业微信',
  });
});
