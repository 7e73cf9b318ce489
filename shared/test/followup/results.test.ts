import {
  DEFAULT_SETTINGS,
  eventSchema,
  followUpResultInputSchema,
  nextEvent,
  nextStepAfterResult,
  parseSettings,
  type ClinicEvent,
  type ResultContext,
} from '../../src';

const S = DEFAULT_SETTINGS;
const ev = (id: string, date: string, productIds: string[] = [], storeIds: string[] = []): ClinicEvent =>
  eventSchema.parse({ id, chainId: 'c1', title: `活动${id}`, date, kind: 'product', productIds, storeIds });
// Built on use, not at module load, so that Stryker's per-test coverage credits the tests that read
// them (a value computed at load is "static" coverage and its mutants end as runtime errors).
const events = (): ClinicEvent[] => [
  ev('e1', '2025-03-12'),
  ev('e2', '2025-03-20', ['p1']),
  ev('e3', '2025-03-25'),
  ev('e0', '2025-03-18', [], ['s2']),
];
const ctx: ResultContext = {
  today: '2025-03-10',
  storeId: 's1',
  get events() {
    return events();
  },
};
const none: ResultContext = { today: '2025-03-10', storeId: 's1', events: [] };
const sundayClosed = { openingHours: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday })), closedDates: ['2025-03-14'] };

describe('follow-up results (§6)', () => {
  test('V1: a reminder the day before the planned visit', () => {
    expect(nextStepAfterResult({ result: 'V1', plannedVisitDate: '2025-03-15' }, ctx, S)).toMatchObject({
      kind: 'task',
      taskKind: 'visit_reminder',
      dueDate: '2025-03-14',
    });
  });
  test('V1: a reminder on a closed day comes earlier, never after the visit, never before today', () => {
    expect(
      nextStepAfterResult({ result: 'V1', plannedVisitDate: '2025-03-15' }, { ...ctx, store: sundayClosed }, S),
    ).toMatchObject({ dueDate: '2025-03-13' });
    expect(nextStepAfterResult({ result: 'V1', plannedVisitDate: '2025-03-10' }, ctx, S)).toMatchObject({
      dueDate: '2025-03-10',
    });
    expect(nextStepAfterResult({ result: 'V1', plannedVisitDate: '2025-03-11' }, ctx, S)).toMatchObject({
      dueDate: '2025-03-10',
    });
    expect(
      nextStepAfterResult(
        { result: 'V1', plannedVisitDate: '2025-03-20' },
        ctx,
        parseSettings({ visitReminderDaysBefore: 2 }),
      ),
    ).toMatchObject({ dueDate: '2025-03-18' });
  });
  test('V1: a planned visit in the past or a bad date is refused', () => {
    expect(nextStepAfterResult({ result: 'V1', plannedVisitDate: '2025-03-09' }, ctx, S)).toEqual({
      kind: 'error',
      code: 'INVALID_INPUT',
      message: '计划到院日期不能早于今天',
    });
    expect(nextStepAfterResult({ result: 'V1', plannedVisitDate: '2025-02-30' }, ctx, S)).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('日期'),
    });
  });
  test('V2: 3 days before the next relevant event', () => {
    // e1 is too close to follow up 3 days before; e2 is for p1 only; e3 is for everyone.
    expect(nextStepAfterResult({ result: 'V2', productIds: ['p2'] }, ctx, S)).toMatchObject({
      kind: 'task',
      taskKind: 'event_invite',
      dueDate: '2025-03-22',
      eventId: 'e3',
    });
    expect(
      nextStepAfterResult({ result: 'V2', productIds: ['p1'] }, { ...ctx, events: events().slice(1) }, S),
    ).toMatchObject({ dueDate: '2025-03-17', eventId: 'e2' });
    expect(nextStepAfterResult({ result: 'V2' }, ctx, S)).toMatchObject({ dueDate: '2025-03-17', eventId: 'e2' });
  });
  test('V2: an event exactly 3 days away is still in time (due today)', () => {
    expect(nextStepAfterResult({ result: 'V2' }, { ...ctx, events: [ev('x', '2025-03-13')] }, S)).toMatchObject({
      dueDate: '2025-03-10',
      eventId: 'x',
    });
  });
  test('V2: no event coming → in 10 days (moved to an open day)', () => {
    expect(nextStepAfterResult({ result: 'V2' }, none, S)).toMatchObject({
      kind: 'task',
      taskKind: 'event_invite',
      dueDate: '2025-03-20',
    });
    const s = { ...none, today: '2025-03-06' };
    expect(nextStepAfterResult({ result: 'V2' }, { ...s, store: sundayClosed }, S)).toMatchObject({
      dueDate: '2025-03-17',
    });
  });
  test('V3: invite at the next matching event, else wait for one', () => {
    expect(
      nextStepAfterResult(
        { result: 'V3', reason: 'price', productIds: ['p1'] },
        { ...ctx, events: [events()[1] as ClinicEvent] },
        S,
      ),
    ).toMatchObject({
      kind: 'task',
      taskKind: 'event_invite',
      dueDate: '2025-03-17',
      eventId: 'e2',
    });
    expect(
      nextStepAfterResult(
        { result: 'V3', reason: 'time', productIds: ['p9'] },
        { ...ctx, events: [events()[1] as ClinicEvent] },
        S,
      ),
    ).toEqual({
      kind: 'await_event',
      productIds: ['p9'],
      why: '本次不参加，待有对应产品政策或活动时再邀约',
    });
    expect(nextStepAfterResult({ result: 'V3', productIds: [] } as never, ctx, S)).toMatchObject({ kind: 'error' });
  });
  test('V4: requires a reason; the record leaves the pool for the 四部回访组 verification queue', () => {
    // Refused at the boundary with the rule's message, and by the rule itself.
    const parsed = followUpResultInputSchema.safeParse({ result: 'V4' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('有效四级必须填写原因');
    expect(nextStepAfterResult({ result: 'V4' } as never, ctx, S)).toEqual({
      kind: 'error',
      code: 'INVALID_INPUT',
      message: '有效四级必须填写原因（字段 reason）',
    });
    expect(nextStepAfterResult({ result: 'V4', reason: 'competitor' }, ctx, S)).toMatchObject({
      kind: 'verification_queue',
      department: 'cs4_followup',
      result: 'V4',
      leavesActivePool: true,
      reason: 'competitor',
    });
  });
  test('N1: retry at the next event, or in 10 days', () => {
    expect(nextStepAfterResult({ result: 'N1' }, ctx, S)).toMatchObject({
      kind: 'task',
      taskKind: 'retry',
      dueDate: '2025-03-17',
      eventId: 'e2',
    });
    expect(nextStepAfterResult({ result: 'N1' }, none, parseSettings({ followUp: { fallbackDays: 5 } }))).toMatchObject(
      { taskKind: 'retry', dueDate: '2025-03-15' },
    );
  });
  test('N2: to the verification queue; deleted only after they verify', () => {
    expect(nextStepAfterResult({ result: 'N2' }, ctx, S)).toMatchObject({
      kind: 'verification_queue',
      result: 'N2',
      leavesActivePool: false,
    });
  });
  test('V1: unknown results and unknown keys are refused in Chinese', () => {
    expect(nextStepAfterResult({ result: 'V9' } as never, ctx, S)).toEqual({
      kind: 'error',
      code: 'INVALID_INPUT',
      message: '请选择回访结果（V1–V4、N1–N2）（字段 result）',
    });
    expect(nextStepAfterResult({ result: 'N1', extra: 1 } as never, ctx, S)).toMatchObject({ kind: 'error' });
  });
  test('V2: events of other stores do not count; ties are broken by id', () => {
    expect(nextEvent({ ...ctx, storeId: 's2' }, 3, [])?.id).toBe('e0');
    expect(nextEvent(ctx, 3, [])?.id).toBe('e2');
    expect(nextEvent({ ...ctx, events: [ev('b', '2025-03-20'), ev('a', '2025-03-20')] }, 3, [])?.id).toBe('a');
    expect(nextEvent({ ...ctx, events: [ev('a', '2025-03-20'), ev('b', '2025-03-20')] }, 3, [])?.id).toBe('a');
  });
});
