/**
 * Labels and display lines of the staff pages (workbench, task, desk): pure, so the pages hold no
 * wording rules of their own. Every label table comes from shared (entities, people) where one exists.
 */
import {
  DECLINE_REASONS,
  FOLLOW_UP_GRADES,
  FOLLOW_UP_RESULTS,
  FOLLOW_UP_TASK_KINDS,
  type AttributionView,
  type DeclineReason,
  type FollowUpGrade,
  type FollowUpResultCode,
  type NextStepView,
} from '@clinic/shared';
import { formatDay } from './dates';
import { formatDateTime } from './format';

/** The three grades with what each means (docs/business-rules.md §6), in picker order. */
export const GRADE_OPTIONS: readonly { grade: FollowUpGrade; label: string; definition: string }[] = [
  { grade: 'F1', label: '一级', definition: '项目意向明确，已做基本报价，预计 1 个月内到院' },
  { grade: 'F2', label: '二级', definition: '意向明确，已做基本报价，预计 3 个月内到院' },
  { grade: 'F3', label: '三级', definition: '意向或时间不明确，或仅转来联系方式、尚未沟通' },
];

/** `F1` → `F1 一级（强）`. */
export function gradeLabel(grade: FollowUpGrade): string {
  return `${grade} ${FOLLOW_UP_GRADES[grade]}`;
}

/** 3 → `★★★☆☆`; out of range is clamped to 1–5. */
export function starText(level: number): string {
  const n = Math.min(5, Math.max(1, Math.round(level)));
  return '★'.repeat(n) + '☆'.repeat(5 - n);
}

/** `V4` → `V4 有效四级：已在竞品消费`. */
export function resultLabel(code: FollowUpResultCode): string {
  return `${code} ${FOLLOW_UP_RESULTS[code]}`;
}

export function reasonLabel(reason: DeclineReason): string {
  return DECLINE_REASONS[reason];
}

export const HISTORY_KIND_LABELS = {
  filing: '建档',
  touch: '接触',
  booking: '预约',
  visit: '到院',
  follow_up: '回访',
  deal: '成交',
} as const;

/** Channel level as staff say it: 1 → 一级, 2 → 二级 (a referral tagged inside another channel). */
export function levelLabel(level: 1 | 2): string {
  return level === 1 ? '一级' : '二级';
}

/** `老带新（一级）`. */
export function channelLine(view: Pick<AttributionView, 'channelLabel' | 'level'>): string {
  return `${view.channelLabel}（${levelLabel(view.level)}）`;
}

/** A task card's due line: 逾期 N 天 / 今天 / 明天 / the date. */
export function dueText(task: { dueDate: string; overdueDays: number }, today: string): string {
  if (task.overdueDays > 0) return `逾期 ${task.overdueDays} 天（${formatDay(task.dueDate)}）`;
  return formatDay(task.dueDate, today);
}

/** "Remind me later": `15:30 再提醒` today, the full time on another day, as is when unparseable. */
export function remindText(remindAt: string, today: string): string {
  const shown = formatDateTime(remindAt);
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/.exec(shown);
  if (!match) return `${remindAt} 再提醒`;
  return match[1] === today ? `${match[2]} 再提醒` : `${shown} 再提醒`;
}

/** What saving a result does next, as the form shows it before saving ("保存后：…") and after. */
export function nextStepLines(next: NextStepView, today: string): { title: string; why: string } {
  switch (next.kind) {
    case 'task':
      return {
        title: `保存后：${formatDay(next.dueDate, today)} 生成「${FOLLOW_UP_TASK_KINDS[next.taskKind]}」任务`,
        why: next.why,
      };
    case 'await_event':
      return { title: '保存后：暂不安排回访，待有对应产品的活动或政策时再邀约', why: next.why };
    case 'verification_queue':
      return {
        title: next.leavesActivePool
          ? '保存后：进入四部回访组核实，并移出跟进名单'
          : '保存后：进入四部回访组核实，核实后再处理',
        why: next.why,
      };
  }
}
