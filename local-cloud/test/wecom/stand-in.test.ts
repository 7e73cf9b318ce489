import { WECOM_ERRCODE, type WeComConfig } from '../../src/wecom/stand-in';
import { startTestCloud, type TestCloud } from '../support/local-cloud';

jest.setTimeout(60_000);

const CORP: WeComConfig = {
  corpId: 'ww-local-corp',
  secret: 'local-app-secret',
  agentId: '1000002',
  miniprogramAppId: 'wx-local-app',
  userIds: ['li.consultant', 'wang.nurse'],
};
const NOTICE = {
  page: 'packages/staff/pages/workbench/index',
  title: '今日回访提醒',
  description: '请及时跟进',
  emphasis_first_item: true,
  content_item: [
    { key: '今日回访', value: '12 条' },
    { key: '逾期', value: '3 条' },
  ],
};

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud({ wecom: CORP });
});
afterAll(async () => {
  await cloud.stop();
});

const wecom = (path: string, init?: RequestInit) =>
  fetch(`${cloud.url}/wecom${path}`, init).then((r) => r.json() as Promise<any>);
const token = async () =>
  (await wecom(`/cgi-bin/gettoken?corpid=${CORP.corpId}&corpsecret=${CORP.secret}`)).access_token as string;
const send = (accessToken: string, body: unknown) =>
  wecom(`/cgi-bin/message/send?access_token=${accessToken}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const notice = (over: Record<string, unknown> = {}, touser = 'li.consultant') => ({
  touser,
  msgtype: 'miniprogram_notice',
  miniprogram_notice: { appid: CORP.miniprogramAppId, ...NOTICE, ...over },
});

test('a function gets the corp’s environment and sends a miniprogram_notice; the send is in the outbox', async () => {
  const res = await cloud.call('probe', { op: 'wecom', touser: 'li.consultant', notice: NOTICE });
  expect(res.body.env).toEqual({
    base: `${cloud.url}/wecom`,
    corpId: CORP.corpId,
    agentId: CORP.agentId,
    appid: CORP.miniprogramAppId,
  });
  expect(res.body.token).toEqual({ errcode: 0, expires_in: 7200 });
  expect(res.body.sent).toMatchObject({ errcode: 0, errmsg: 'ok', msgid: expect.any(String) });
  const row = cloud.openapi.outbox().find((e) => e.apiName === 'wecom.message.send');
  expect(row).toMatchObject({ caller: 'li.consultant', result: 'ok', params: notice() });
});

test('credentials are checked; a token dies after 7200 s on the emulated clock (42001), an unknown one is 40014', async () => {
  expect((await wecom(`/cgi-bin/gettoken?corpid=other&corpsecret=${CORP.secret}`)).errcode).toBe(
    WECOM_ERRCODE.invalidCorpId,
  );
  expect((await wecom(`/cgi-bin/gettoken?corpid=${CORP.corpId}&corpsecret=nope`)).errcode).toBe(
    WECOM_ERRCODE.invalidSecret,
  );
  expect((await send('not-a-token', notice())).errcode).toBe(WECOM_ERRCODE.invalidToken);
  const t = await token();
  expect((await send(t, notice())).errcode).toBe(0);
  cloud.clock.set(new Date(cloud.clock.now().getTime() + 7200 * 1000));
  expect((await send(t, notice())).errcode).toBe(WECOM_ERRCODE.tokenExpired);
  const fresh = await token();
  expect((await send(fresh, notice())).errcode).toBe(0);
  cloud.wecom?.expireTokens();
  expect((await send(fresh, notice())).errcode).toBe(WECOM_ERRCODE.tokenExpired);
});

test('what a sender can get wrong is refused and recorded: type, appid, lengths, recipients', async () => {
  const t = await token();
  expect((await send(t, { ...notice(), msgtype: 'text' })).errcode).toBe(WECOM_ERRCODE.invalidMessageType);
  expect((await send(t, notice({ appid: 'wx-other' }))).errcode).toBe(WECOM_ERRCODE.invalidParameter);
  expect((await send(t, notice({ title: '今日回访提醒：十二条待跟进' }))).errcode).toBe(WECOM_ERRCODE.invalidParameter);
  expect((await send(t, notice({ title: '提醒' }))).errcode).toBe(WECOM_ERRCODE.invalidParameter);
  expect((await send(t, notice({ content_item: [{ key: '第一位顾客', value: '王*丽'.repeat(11) }] }))).errcode).toBe(
    WECOM_ERRCODE.invalidParameter,
  );
  const nobody = await send(t, notice({}, 'left.company'));
  expect(nobody).toMatchObject({ errcode: WECOM_ERRCODE.allRecipientsInvalid, invaliduser: 'left.company' });
  // Some recipients unknown: delivered to the others, the unknown ones listed.
  expect(await send(t, notice({}, 'wang.nurse|left.company'))).toMatchObject({
    errcode: 0,
    invaliduser: 'left.company',
  });
  const refused = cloud.openapi.outbox().filter((e) => e.apiName === 'wecom.message.send' && e.result === 'error');
  expect(refused.map((e) => e.errCode)).toEqual(
    expect.arrayContaining([
      WECOM_ERRCODE.invalidMessageType,
      WECOM_ERRCODE.invalidParameter,
      WECOM_ERRCODE.allRecipientsInvalid,
    ]),
  );
});

test('without a WeCom configuration functions see no WeCom variables and /wecom is not served', async () => {
  const plain = await startTestCloud();
  try {
    const res = await plain.call('probe', { op: 'wecom' });
    expect(res.body.env).toEqual({});
    const reply = await fetch(`${plain.url}/wecom/cgi-bin/gettoken`);
    expect(reply.status).toBe(404);
  } finally {
    await plain.stop();
  }
});
