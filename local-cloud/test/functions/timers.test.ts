import { latestOccurrence, parseWeChatCron, TimerScheduler } from '../../src/functions/timers';
import type { FunctionDefinition } from '../../src/functions/registry';

const fn: FunctionDefinition = {
  name: 'digest',
  dir: '/x',
  entry: '/x/index.js',
  timeoutMs: 3000,
  openapiPermissions: [],
  timers: [{ name: 'morning', cron: '0 0 9 * * * *' }],
};

describe('WeChat 7-field cron', () => {
  test('is evaluated in Asia/Shanghai (09:00 UTC+8 is 01:00 UTC)', () => {
    const at = latestOccurrence('0 0 9 * * * *', Date.parse('2026-11-23T02:00:00Z'));
    expect(new Date(at!).toISOString()).toBe('2026-11-23T01:00:00.000Z');
  });

  test('the year field restricts occurrences', () => {
    expect(latestOccurrence('0 0 9 * * * 2031', Date.parse('2026-11-23T02:00:00Z'))).toBeUndefined();
    expect(latestOccurrence('0 0 9 * * * 2025-2026', Date.parse('2026-11-23T02:00:00Z'))).toBeDefined();
  });

  test('six or eight fields are rejected', () => {
    expect(() => parseWeChatCron('0 0 9 * * *')).toThrow(/7 fields/);
    expect(() => parseWeChatCron('0 0 9 * * * * *')).toThrow(/7 fields/);
  });
});

describe('TimerScheduler against the emulated clock', () => {
  test('fires when the clock passes an occurrence, once per jump, never for the past at start', () => {
    let now = Date.parse('2026-11-23T00:59:00Z'); // 08:59 Shanghai
    const fired: string[] = [];
    const scheduler = new TimerScheduler(
      () => [fn],
      () => now,
      (_f, trigger, at) => fired.push(`${trigger.name}@${new Date(at).toISOString()}`),
    );
    scheduler.start(60_000);
    scheduler.tick();
    expect(fired).toEqual([]);
    now = Date.parse('2026-11-23T01:00:30Z');
    scheduler.tick();
    expect(fired).toEqual(['morning@2026-11-23T01:00:00.000Z']);
    scheduler.tick();
    expect(fired).toHaveLength(1);
    // A jump of a week fires once, for the latest occurrence.
    now = Date.parse('2026-11-30T05:00:00Z');
    scheduler.tick();
    expect(fired).toEqual(['morning@2026-11-23T01:00:00.000Z', 'morning@2026-11-30T01:00:00.000Z']);
    // Moving back does not replay.
    now = Date.parse('2026-11-29T05:00:00Z');
    scheduler.tick();
    expect(fired).toHaveLength(2);
    scheduler.stop();
  });
});
