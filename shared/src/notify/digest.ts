import { PAGE_PATHS } from '../model/pages';
import { fitThing, THING_MAX, type TemplateData } from './template-fields';
import { fitWeComValue, type WeComNotice } from './wecom-notice';

/** A subscribe message as the notifier sends it (openapi.subscribeMessage.send's params). */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page: string;
  data: TemplateData;
}

/** Where a staff member's digest opens: their workbench. */
export const WORKBENCH_PAGE = PAGE_PATHS.workbench;

/** The idempotency key of one staff member's digest of one (Shanghai) day: at most one is sent. */
export function digestKey(staffId: string, date: string): string {
  return `digest_${date}_${staffId}`;
}

/** The hour of day in Shanghai (UTC+8 all year) of an instant. */
export function shanghaiHour(now: Date): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCHours();
}

/** The digest of a day goes out from the clinic's hour on (a later run the same day still sends it). */
export function digestDue(now: Date, hour: number): boolean {
  return shanghaiHour(now) >= hour;
}

/** Counts beyond this show as `999+` in the one-line summary (a `thing` holds 20 characters). */
const SUMMARY_CAP = 999;
const shown = (n: number) => (n > SUMMARY_CAP ? `${SUMMARY_CAP}+` : String(n));

/** What a digest counts: the person's own follow-ups and, for a store manager, the store's escalations. */
export interface DigestCounts {
  today: number;
  overdue: number;
  /** Store managers: their store's tasks on the escalation ladder (overdue ≥ escalateAfterDays). */
  escalated?: number;
  /** Of those, the ones overdue ≥ reassignAfterDays, which the manager is asked to reassign. */
  reassign?: number;
}

/**
 * The digest in one line: `今日回访 12 条，逾期 3 条`; a store manager with escalations reads
 * `回访 12，逾期 3，督办 5`. With very large counts the spaces go, so the line always fits a
 * `thing` field whole.
 */
export function digestSummary(counts: DigestCounts): string {
  const line = counts.escalated
    ? `回访 ${shown(counts.today)}，逾期 ${shown(counts.overdue)}，督办 ${shown(counts.escalated)}`
    : `今日回访 ${shown(counts.today)} 条，逾期 ${shown(counts.overdue)} 条`;
  return [...line].length <= THING_MAX ? line : line.replace(/ /g, '');
}

export interface DigestFacts extends DigestCounts {
  touser: string;
  templateId: string;
  /** The first customer to call (earliest due), already masked (`张*`); absent when none. */
  firstCustomer?: string;
  storeName: string;
}

/**
 * The staff digest (今日回访提醒) as subscribe-message data. The keys are those of the template
 * chosen in the console — 回访概况 thing1 (the summary line), 今日回访 number2, 逾期 number3,
 * 首位客户 thing4 (masked name), 门店 thing5 — a clinic using another template changes this mapping
 * only. It opens the workbench.
 */
export function staffDigestMessage(facts: DigestFacts): SubscribeMessage {
  return {
    touser: facts.touser,
    templateId: facts.templateId,
    page: WORKBENCH_PAGE,
    data: {
      thing1: { value: digestSummary(facts) },
      number2: { value: String(facts.today) },
      number3: { value: String(facts.overdue) },
      thing4: { value: fitThing(facts.firstCustomer?.trim() || '无') },
      thing5: { value: fitThing(facts.storeName.trim() || '本店') },
    },
  };
}

/** The staff digest as a 企业微信 miniprogram_notice card: the same facts, opening the workbench. */
export function staffDigestNotice(facts: Omit<DigestFacts, 'touser' | 'templateId'>): WeComNotice {
  return {
    page: WORKBENCH_PAGE,
    title: '今日回访提醒',
    description: fitWeComValue(facts.storeName.trim() || '本店', 12).padEnd(4, '　'),
    emphasiseFirst: true,
    items: [
      { key: '今日回访', value: `${facts.today} 条` },
      { key: '逾期', value: `${facts.overdue} 条` },
      { key: '首位客户', value: fitWeComValue(facts.firstCustomer?.trim() || '无') },
      ...(facts.escalated
        ? [
            {
              key: '本店督办',
              value: facts.reassign ? `${facts.escalated} 条（需改派 ${facts.reassign} 条）` : `${facts.escalated} 条`,
            },
          ]
        : []),
    ],
  };
}

/** The visit reminder (到院提醒): 门店 thing1, 到院时间 time2, 项目 thing3, 预约码 character_string4. */
export function visitReminderMessage(
  booking: { openid: string; date: string; slot: string; id: string },
  names: { storeName: string; productName: string },
  templateId: string,
): SubscribeMessage {
  return {
    touser: booking.openid,
    templateId,
    page: PAGE_PATHS.appointments,
    data: {
      thing1: { value: fitThing(names.storeName.trim() || '门店') },
      time2: { value: `${booking.date} ${booking.slot}` },
      thing3: { value: fitThing(names.productName.trim() || '到院项目') },
      character_string4: { value: booking.id },
    },
  };
}
