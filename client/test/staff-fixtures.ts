/**
 * Contract-shaped staff data for the page tests, each parsed by the action's own output schema so
 * a fixture can never drift from the contract. "Now" is the fixtures' NOW (Mon 2026-11-23 10:00).
 */
import { dealsContract, staffContract, visitsContract } from '@clinic/shared';
import type { DealPreparation, RecordedDeal } from '../src/services/deals';
import type { CheckInResult, DeskFilingResult } from '../src/services/visits';
import type {
  ColleagueList,
  CustomerCardView,
  EscalationPage,
  MyFigures,
  PersonPickPage,
} from '../src/services/staff-team';
import type {
  GoldenTimePage,
  JoinedStaff,
  RecordedAsk,
  TaskDetail,
  TaskPage,
  VerificationPage,
  Workbench,
} from '../src/services/staff';

export const WORKBENCH: Workbench = staffContract.workbench.output.parse({
  staffName: '李顾问',
  postLabel: '咨询师',
  storeName: '悦美一店',
  counts: { today: 12, overdue: 3, tomorrow: 5, upcoming: 40 },
  digestTemplateId: 'tpl-digest',
  reach: { digestGrants: 1, longTerm: false, reachable: true },
  inAppUnread: 0,
  storeId: 'store-1',
  staffId: 'staff-s1-consultant-1',
  isAdmin: false,
  canVerify: true,
  canRecordDeals: true,
  canManageTeam: false,
  canReassign: false,
});

export function taskCard(id: string, patch: Record<string, unknown> = {}) {
  return {
    id,
    kind: 'cadence',
    kindLabel: '分级回访',
    dueDate: '2026-11-23',
    grade: 'F1',
    customerId: `cust-${id}`,
    displayName: '陈*',
    maskedPhone: '139****8000',
    overdueDays: 0,
    ...patch,
  };
}

export function taskPage(items: unknown[], nextCursor?: string): TaskPage {
  return staffContract.listTasks.output.parse({ items, ...(nextCursor ? { nextCursor } : {}) });
}

export const TASK_DETAIL: TaskDetail = staffContract.getTask.output.parse({
  task: { ...taskCard('task-1'), status: 'open', note: '上次说月底有空' },
  customer: {
    displayName: '陈*',
    maskedPhone: '139****8000',
    phone: '13900138000',
    kind: 'new',
    starLevel: 4,
    grade: 'F1',
    channelLabel: '老带新',
    rule: 'R1',
    ruleExplanation: '首次建档为老带新（推荐人 王*），尚未到院，归属暂定',
    referrerDisplayName: '王*',
  },
  history: [
    { at: '2026-11-20T02:00:00.000Z', kind: 'filing', text: '前台建档：老带新，一级意向' },
    { at: '2026-11-21T06:30:00.000Z', kind: 'follow_up', text: 'N1 暂时无法接通' },
  ],
});

export const V1_PREVIEW = staffContract.previewResult.output.parse({
  next: {
    kind: 'task',
    taskKind: 'visit_reminder',
    dueDate: '2026-11-26',
    why: '计划 2026-11-27 到院，提前 1 天再次确认',
  },
});

export const N2_PREVIEW = staffContract.previewResult.output.parse({
  next: { kind: 'verification_queue', leavesActivePool: false, why: '号码已失效，交四部回访组复核后处理' },
});

export const V4_PREVIEW = staffContract.previewResult.output.parse({
  next: { kind: 'verification_queue', leavesActivePool: true, why: '已在竞品消费，移出跟进名单，交四部回访组跟进' },
});

export const ATTRIBUTION = {
  channel: 'referral',
  channelLabel: '老带新',
  level: 1,
  rule: 'R2',
  explanation: '老带新建档早于首次到院 3 天（≥ 1 天），首次到院后归属老带新',
  provisional: false,
  creditedStaffId: 'staff-1',
  creditedStaffName: '李顾问',
  referrerDisplayName: '王*',
};

export function checkInResult(patch: Record<string, unknown> = {}): CheckInResult {
  return visitsContract.checkIn.output.parse({
    visitId: 'visit-1',
    customerId: 'cust-1',
    displayName: '陈*',
    maskedPhone: '139****8000',
    firstVisit: true,
    alreadyCheckedIn: false,
    filedNow: false,
    bookingId: 'A5EP73U',
    attribution: ATTRIBUTION,
    ...patch,
  });
}

export function deskFilingResult(patch: Record<string, unknown> = {}): DeskFilingResult {
  return visitsContract.fileAtDesk.output.parse({
    customerId: 'cust-2',
    filingId: 'filing-2',
    existing: false,
    reattributionRefused: false,
    message: '已建档：搜索，二级意向',
    grade: 'F2',
    attribution: {
      channel: 'search',
      channelLabel: '搜索',
      level: 1,
      rule: 'R1',
      explanation: '首次建档为搜索，尚未到院，归属暂定',
      provisional: true,
      creditedStaffName: '李顾问',
    },
    ...patch,
  });
}

export function verificationItem(id: string, patch: Record<string, unknown> = {}) {
  return {
    id,
    customerId: `cust-${id}`,
    displayName: '赵*',
    maskedPhone: '137****1234',
    result: 'V4',
    reason: 'competitor',
    note: '已在别家做完',
    submittedByName: '李顾问',
    submittedAt: '2026-11-23T01:30:00.000Z',
    ...patch,
  };
}

export function verificationPage(items: unknown[], nextCursor?: string): VerificationPage {
  return staffContract.listVerification.output.parse({ items, ...(nextCursor ? { nextCursor } : {}) });
}

export function goldenItem(customerId: string, patch: Record<string, unknown> = {}) {
  return {
    customerId,
    displayName: '王*',
    maskedPhone: '130****1966',
    windowLabel: '关键黄金期',
    monthsSinceTreatment: 1,
    starLevel: 4,
    score: 96,
    reasons: ['关键黄金期', '4星客户', '满意度高'],
    how: '满意度回访 + 权益单页 + 朋友圈素材',
    talk: '尚未带新：介绍老带新政策与项目，了解顾虑所在',
    ...patch,
  };
}

export function goldenPage(items: unknown[], nextCursor?: string): GoldenTimePage {
  return staffContract.goldenTime.output.parse({ items, cooldownDays: 7, ...(nextCursor ? { nextCursor } : {}) });
}

export function recordedAsk(patch: Record<string, unknown> = {}): RecordedAsk {
  return staffContract.recordAsk.output.parse({
    askedOn: '2026-11-23',
    friendFiling: {
      customerId: 'cust-friend-1',
      existing: false,
      message: '已建档：老带新，F1 级，跟进人已安排',
      channelLabel: '老带新',
      rule: 'R1',
      explanation: '首次建档的渠道即归属渠道',
    },
    ...patch,
  });
}

export const JOINED: JoinedStaff = staffContract.redeemInvite.output.parse({
  staffId: 'staff-abcd2345',
  name: '周新',
  post: 'consultant',
  postLabel: '咨询师',
  storeName: '悦美一店',
});

export function customerCard(patch: Record<string, unknown> = {}): CustomerCardView {
  return staffContract.customerCard.output.parse({
    customerId: 'cust-1',
    customer: {
      displayName: '唐*',
      maskedPhone: '139****0001',
      phone: '13955550001',
      kind: 'new',
      starLevel: 3,
      grade: 'F1',
      channelLabel: '老带新',
      rule: 'R2',
      ruleExplanation: '老带新建档早于首次到院 1 天（≥ 1 天），首次到院后归属老带新',
      referrerDisplayName: '王*',
    },
    checkedIn: true,
    canRecordDeals: true,
    openTasks: [taskCard('task-1', { customerId: 'cust-1', kindLabel: '到院前提醒', dueDate: '2026-11-24' })],
    history: [
      { at: '2026-11-20T02:00:00.000Z', kind: 'filing', text: '老带新建档（推荐人 王*）' },
      { at: '2026-11-23T02:00:00.000Z', kind: 'visit', text: '首次到院' },
      { at: '2026-11-23T03:00:00.000Z', kind: 'deal', text: '成交 肉毒素 ¥2,980.00' },
    ],
    ...patch,
  });
}

export function dealPreparation(patch: Record<string, unknown> = {}): DealPreparation {
  return dealsContract.prepare.output.parse({
    customerId: 'cust-1',
    storeId: 'store-1',
    customerMaskedName: '唐*',
    maskedPhone: '139****0001',
    checkedIn: true,
    usable: { rebate: 12000, gift_voucher: 0, points: 300 },
    ...patch,
  });
}

export function recordedDeal(patch: Record<string, unknown> = {}): RecordedDeal {
  return dealsContract.record.output.parse({
    requestId: 'deal-key-0001',
    dealIds: ['deal-key-0001_1'],
    customerMaskedName: '唐*',
    totals: { amountFen: 300000, paidFen: 298000, deductedFen: 0, pointsUsed: 0 },
    credited: [
      { role: 'referrer', maskedName: '王*', kind: 'rebate', amount: 14900, unit: 'fen', expiresOn: '2027-11-23' },
      { role: 'referee', maskedName: '唐*', kind: 'points', amount: 200, unit: 'points' },
    ],
    skipped: [{ role: 'referee', policyId: 'voucher', reason: '成交金额未达到该奖励的门槛' }],
    used: [],
    becameExisting: true,
    ...patch,
  });
}

export function figures(patch: Record<string, unknown> = {}): MyFigures {
  return staffContract.myFigures.output.parse({
    month: '2026-11',
    kpis: [
      { metric: 'oldCustomers', label: '老客总量', actual: 42, target: 40, attainmentBp: 10500 },
      { metric: 'satisfiedCustomers', label: '满意客户量', actual: 30 },
      { metric: 'servedCustomers', label: '当月服务客户量', actual: 18, target: 24, attainmentBp: 7500 },
      { metric: 'referralFilings', label: '带新建档量', actual: 5, target: 8, attainmentBp: 6250 },
      { metric: 'referralVisits', label: '带新到院量', actual: 3, target: 6, attainmentBp: 5000 },
      { metric: 'deals', label: '成交量', actual: 2, target: 3, attainmentBp: 6666 },
      { metric: 'dealAmountFen', label: '成交额', actual: 2980000, target: 5000000, attainmentBp: 5960 },
    ],
    followUps: { due: 20, onTime: 17, overdue: 2 },
    ...patch,
  });
}

export function colleague(staffId: string, patch: Record<string, unknown> = {}) {
  return {
    staffId,
    name: '陈静',
    post: 'consultant',
    postLabel: '咨询师',
    departmentLabel: '客服二部',
    isManager: false,
    ...patch,
  };
}

export function colleagues(items: unknown[]): ColleagueList {
  return staffContract.listColleagues.output.parse({ items });
}

export const COLLEAGUES: ColleagueList = colleagues([
  colleague('staff-consultant-1'),
  colleague('staff-manager', { name: '高峰', departmentLabel: '咨询部', isManager: true }),
  colleague('staff-nurse-1', { name: '林晓', post: 'nurse', postLabel: '护理师', departmentLabel: '医疗部' }),
  colleague('staff-onsite-1', {
    name: '杨柳',
    post: 'onsite_service',
    postLabel: '现场客服',
    departmentLabel: '客服三部',
  }),
]);

/** An overdue task on the escalation ladder (default: 3 days overdue, 督办, owned by 陈静). */
export function escalationItem(id: string, patch: Record<string, unknown> = {}) {
  return {
    ...taskCard(id, { dueDate: '2026-11-20', overdueDays: 3 }),
    level: 'manager_digest',
    ownerStaffId: 'staff-consultant-1',
    ownerName: '陈静',
    storeId: 'store-1',
    ...patch,
  };
}

export function escalationPage(items: unknown[], nextCursor?: string): EscalationPage {
  return staffContract.escalations.output.parse({ items, ...(nextCursor ? { nextCursor } : {}) });
}

export function personPicks(items: unknown[]): PersonPickPage {
  return staffContract.findCustomers.output.parse({ items });
}

export const WANGLI_PICK = {
  customerId: 'cust-0001',
  displayName: '王*',
  maskedPhone: '130****1966',
  kind: 'existing',
};

/** A successful service answer. */
export const okResult = <T>(data: T) => ({ ok: true as const, data });
export const failResult = (code: string, message: string) => ({ ok: false as const, code: code as never, message });

/** Resets every function of an auto-mocked service module (the Taro stand-ins keep their own). */
export function resetServiceMocks(module: object): void {
  for (const fn of Object.values(module)) if (jest.isMockFunction(fn)) fn.mockReset();
}
