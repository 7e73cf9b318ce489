import { CronExpressionParser } from 'cron-parser';
import type { FunctionDefinition, TimerTrigger } from './registry';

export const TIMER_TIMEZONE = 'Asia/Shanghai';

/**
 * WeChat timer triggers use 7 fields: second minute hour day month weekday year (UTC+8).
 * cron-parser understands the first six; the year field is checked here.
 */
export function parseWeChatCron(expression: string): { sixField: string; yearMatches: (year: number) => boolean } {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 7) throw new Error(`timer "${expression}" must have 7 fields (second … year)`);
  const year = fields[6]!;
  const sixField = fields.slice(0, 6).join(' ');
  CronExpressionParser.parse(sixField, { tz: TIMER_TIMEZONE }); // throws on a bad expression
  return { sixField, yearMatches: yearMatcher(year) };
}

function yearMatcher(field: string): (year: number) => boolean {
  if (field === '*') return () => true;
  const parts = field.split(',').map((part) => {
    const range = /^(\d{4})-(\d{4})$/.exec(part);
    if (range) return [Number(range[1]), Number(range[2])] as const;
    if (/^\d{4}$/.test(part)) return [Number(part), Number(part)] as const;
    throw new Error(`unsupported year field "${field}"`);
  });
  return (year) => parts.some(([from, to]) => year >= from && year <= to);
}

/** The latest occurrence of the trigger at or before `nowMs`, or undefined. */
export function latestOccurrence(cron: string, nowMs: number): number | undefined {
  const { sixField, yearMatches } = parseWeChatCron(cron);
  const iterator = CronExpressionParser.parse(sixField, { currentDate: new Date(nowMs + 1), tz: TIMER_TIMEZONE });
  for (let i = 0; i < 1000; i++) {
    let at: number;
    try {
      at = iterator.prev().toDate().getTime();
    } catch {
      return undefined;
    }
    const shanghaiYear = new Date(at + 8 * 3600_000).getUTCFullYear();
    if (yearMatches(shanghaiYear)) return at;
  }
  return undefined;
}

/**
 * Fires timer triggers against the emulated clock. When the clock jumps forward over several
 * occurrences, each trigger fires once (for the latest), like a missed-run catch-up rather than a
 * burst; tests that need every day fire `POST /api/trigger/:name` themselves.
 */
export class TimerScheduler {
  private readonly lastChecked = new Map<string, number>();
  private interval: NodeJS.Timeout | undefined;

  constructor(
    private readonly functions: () => FunctionDefinition[],
    private readonly nowMs: () => number,
    private readonly fire: (fn: FunctionDefinition, trigger: TimerTrigger, atMs: number) => void,
  ) {}

  start(tickMs = 1000): void {
    const now = this.nowMs();
    for (const fn of this.functions()) for (const t of fn.timers) this.lastChecked.set(`${fn.name}/${t.name}`, now);
    this.interval = setInterval(() => this.tick(), tickMs);
    this.interval.unref();
  }

  stop(): void {
    if (this.interval) clearInterval(this.interval);
  }

  tick(): void {
    const now = this.nowMs();
    for (const fn of this.functions()) {
      for (const trigger of fn.timers) {
        const key = `${fn.name}/${trigger.name}`;
        const last = this.lastChecked.get(key) ?? now;
        this.lastChecked.set(key, now);
        if (now < last) continue; // the clock was moved back: wait for the next occurrence
        const due = latestOccurrence(trigger.cron, now);
        if (due !== undefined && due > last) this.fire(fn, trigger, due);
      }
    }
  }
}
