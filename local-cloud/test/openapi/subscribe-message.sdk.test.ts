import { openApiFixture, type OpenApiFixture } from './support/openapi-fixture';
import { sdkError } from './support/wx-cloud';

const TEMPLATE = 'tmpl-followup-digest';
const notifier = { functionName: 'notify', openid: 'oSTAFF', permissions: ['subscribeMessage.send'] };

describe('subscribeMessage.send through the real wx-server-sdk', () => {
  let fx: OpenApiFixture;
  beforeAll(async () => {
    fx = await openApiFixture('subscribe');
  });
  afterAll(() => fx.dispose());
  beforeEach(() => fx.callAs(notifier));

  const send = (touser: string, templateId = TEMPLATE) =>
    fx.cloud.openapi.subscribeMessage.send({
      touser,
      templateId,
      page: 'pages/staff/tasks',
      data: { thing1: { value: '今日回访 12 条' }, number2: { value: 3 } },
      miniprogramState: 'developer',
    });

  it('spends one one-time grant per send and answers 43101 when none is left', async () => {
    expect(fx.service().grant('oUSER-A', TEMPLATE, 2)).toEqual({ remaining: 2 });

    const first = await send('oUSER-A');
    expect(first).toMatchObject({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' });
    expect(first.msgid).toMatch(/^\d{19}$/);
    await expect(send('oUSER-A')).resolves.toMatchObject({ errCode: 0 });
    expect(fx.service().remaining('oUSER-A', TEMPLATE)).toBe(0);

    const refused = await sdkError(send('oUSER-A'));
    expect(refused.errCode).toBe(43101);
    expect(refused.errMsg).toMatch(/^openapi\.subscribeMessage\.send:fail user refuse to accept the msg rid: /);
  });

  it('lets only one of two concurrent sends spend the last grant', async () => {
    fx.service().grant('oUSER-H', TEMPLATE, 1);
    const results = await Promise.allSettled([send('oUSER-H'), send('oUSER-H')]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect((rejected?.reason as { errCode: number }).errCode).toBe(43101);
  });

  it('keeps grants per (user, template)', async () => {
    fx.service().grant('oUSER-B', TEMPLATE, 1);
    expect((await sdkError(send('oUSER-B', 'other-template'))).errCode).toBe(43101);
    expect((await sdkError(send('oUSER-C'))).errCode).toBe(43101);
    await expect(send('oUSER-B')).resolves.toMatchObject({ errCode: 0 });
  });

  it('validates like the real API without spending a grant', async () => {
    fx.service().grant('oUSER-D', TEMPLATE, 1);
    const noTemplate = fx.cloud.openapi.subscribeMessage.send({ touser: 'oUSER-D', data: { thing1: { value: 'x' } } });
    expect((await sdkError(noTemplate)).errCode).toBe(40037);
    const noUser = fx.cloud.openapi.subscribeMessage.send({ templateId: TEMPLATE, data: { thing1: { value: 'x' } } });
    expect((await sdkError(noUser)).errCode).toBe(40003);
    const noData = fx.cloud.openapi.subscribeMessage.send({ touser: 'oUSER-D', templateId: TEMPLATE });
    expect((await sdkError(noData)).errCode).toBe(47003);
    const badValue = fx.cloud.openapi.subscribeMessage.send({
      touser: 'oUSER-D',
      templateId: TEMPLATE,
      data: { thing1: 'x' },
    });
    const badValueErr = await sdkError(badValue);
    expect(badValueErr.errCode).toBe(47003);
    expect(badValueErr.errMsg).toContain('data.thing1.value is empty');
    const badState = fx.cloud.openapi.subscribeMessage.send({
      touser: 'oUSER-D',
      templateId: TEMPLATE,
      data: { thing1: { value: 'x' } },
      miniprogramState: 'beta',
    });
    expect((await sdkError(badState)).errCode).toBe(47003);
    expect(fx.service().remaining('oUSER-D', TEMPLATE)).toBe(1);
  });

  it('answers -604101 when config.json does not list the api, and spends nothing', async () => {
    fx.service().grant('oUSER-E', TEMPLATE, 1);
    fx.callAs({ functionName: 'booking', openid: 'oCUSTOMER', permissions: ['wxacode.getUnlimited'] });
    const denied = await sdkError(send('oUSER-E'));
    expect(denied.errCode).toBe(-604101);
    expect(denied.errMsg).toContain('-604101');
    expect(fx.service().remaining('oUSER-E', TEMPLATE)).toBe(1);
    const last = fx.service().outbox().at(-1);
    expect(last).toMatchObject({ apiName: 'subscribeMessage.send', functionName: 'booking', caller: 'oCUSTOMER' });
    expect(last).toMatchObject({
      result: 'error',
      errCode: -604101,
      params: { touser: 'oUSER-E', template_id: TEMPLATE },
    });
  });

  it('answers -604100 for an api the stand-in does not implement', async () => {
    fx.callAs({ functionName: 'ops', openid: 'oOPS', permissions: ['security.msgSecCheck'] });
    const err = await sdkError(fx.cloud.openapi.security.msgSecCheck({ content: 'hello' }));
    expect(err.errCode).toBe(-604100);
    expect(fx.service().outbox().at(-1)).toMatchObject({
      apiName: 'security.msgSecCheck',
      errCode: -604100,
      params: { content: 'hello' },
    });
  });

  it('keeps grants across a restart on the same data dir', async () => {
    fx.service().grant('oUSER-F', TEMPLATE, 3);
    await send('oUSER-F');
    const before = fx.service().outbox().length;
    const reopened = fx.reopen();
    expect(reopened.remaining('oUSER-F', TEMPLATE)).toBe(2);
    expect(reopened.outbox()).toHaveLength(before);
    expect(reopened.grant('oUSER-F', TEMPLATE, 1)).toEqual({ remaining: 3 });
    await expect(send('oUSER-F')).resolves.toMatchObject({ errCode: 0 });
    expect(reopened.remaining('oUSER-F', TEMPLATE)).toBe(2);
  });

  it('rejects a grant count that is not a positive integer', () => {
    expect(() => fx.service().grant('oUSER-G', TEMPLATE, 0)).toThrow(RangeError);
    expect(() => fx.service().grant('oUSER-G', TEMPLATE, 1.5)).toThrow(RangeError);
  });
});
