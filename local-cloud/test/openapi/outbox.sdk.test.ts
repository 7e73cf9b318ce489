import { openApiFixture, type OpenApiFixture } from './support/openapi-fixture';
import { sdkError } from './support/wx-cloud';

describe('the openapi outbox', () => {
  let fx: OpenApiFixture;
  beforeAll(async () => {
    fx = await openApiFixture('outbox');
  });
  afterAll(() => fx.dispose());

  it('records every call in order, with the emulated time, caller and decoded params', async () => {
    const notify = {
      functionName: 'notify',
      openid: 'oSTAFF',
      permissions: ['subscribeMessage.send', 'wxacode.getUnlimited'],
    };
    fx.service().grant('oU1', 'T1', 1);
    fx.callAs(notify);
    await fx.cloud.openapi.subscribeMessage.send({ touser: 'oU1', templateId: 'T1', data: { thing1: { value: 'a' } } });
    await sdkError(
      fx.cloud.openapi.subscribeMessage.send({ touser: 'oU1', templateId: 'T1', data: { thing1: { value: 'b' } } }),
    );
    await fx.cloud.openapi.wxacode.getUnlimited({ scene: 's1' });
    fx.callAs({ functionName: 'booking', openid: 'oCUST', permissions: [] });
    await sdkError(fx.cloud.openapi.wxacode.getUnlimited({ scene: 's2' }));

    const outbox = fx.service().outbox();
    expect(outbox.map((e) => [e.apiName, e.functionName, e.caller, e.result, e.errCode])).toEqual([
      ['subscribeMessage.send', 'notify', 'oSTAFF', 'ok', undefined],
      ['subscribeMessage.send', 'notify', 'oSTAFF', 'error', 43101],
      ['wxacode.getUnlimited', 'notify', 'oSTAFF', 'ok', undefined],
      ['wxacode.getUnlimited', 'booking', 'oCUST', 'error', -604101],
    ]);
    expect(outbox[0].params).toEqual({ touser: 'oU1', template_id: 'T1', data: { thing1: { value: 'a' } } });
    const times = outbox.map((e) => Date.parse(e.at));
    expect(times[0]).toBeGreaterThan(Date.parse('2026-01-05T01:00:00.000Z'));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(outbox.map((e) => e.id)).size).toBe(4);
    expect(fx.reopen().outbox()).toEqual(outbox);
  });
});
