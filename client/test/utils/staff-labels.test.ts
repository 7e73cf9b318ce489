import {
  GRADE_OPTIONS,
  channelLine,
  dueText,
  gradeLabel,
  levelLabel,
  nextStepLines,
  remindText,
  starText,
} from '../../src/utils/staff-labels';

const TODAY = '2026-11-23';

describe('staff labels', () => {
  it('grades carry their definitions', () => {
    expect(GRADE_OPTIONS.map((g) => `${g.grade} ${g.label}`)).toEqual(['F1 一级', 'F2 二级', 'F3 三级']);
    expect(GRADE_OPTIONS[0]?.definition).toContain('1 个月内到院');
    expect(GRADE_OPTIONS[1]?.definition).toContain('3 个月内到院');
    expect(GRADE_OPTIONS[2]?.definition).toContain('不明确');
    expect(gradeLabel('F2')).toBe('F2 二级（中）');
  });

  it('stars, levels and the channel line', () => {
    expect(starText(4)).toBe('★★★★☆');
    expect(starText(9)).toBe('★★★★★');
    expect(starText(0)).toBe('★☆☆☆☆');
    expect(levelLabel(1)).toBe('一级');
    expect(channelLine({ channelLabel: '电商', level: 2 })).toBe('电商（二级）');
  });

  it('due line: overdue days, 今天/明天, or the date', () => {
    expect(dueText({ dueDate: '2026-11-20', overdueDays: 3 }, TODAY)).toBe('逾期 3 天（11月20日 周五）');
    expect(dueText({ dueDate: TODAY, overdueDays: 0 }, TODAY)).toBe('11月23日 周一（今天）');
    expect(dueText({ dueDate: '2026-11-24', overdueDays: 0 }, TODAY)).toBe('11月24日 周二（明天）');
  });

  it('remind-later time in Shanghai time, short when it is today', () => {
    expect(remindText('2026-11-23T07:30:00.000Z', TODAY)).toBe('15:30 再提醒');
    expect(remindText('2026-11-24T01:00:00.000Z', TODAY)).toBe('2026-11-24 09:00 再提醒');
    expect(remindText('稍后', TODAY)).toBe('稍后 再提醒');
  });
});

describe('nextStepLines', () => {
  it('a next task names its date and kind, and keeps the why', () => {
    expect(
      nextStepLines(
        {
          kind: 'task',
          taskKind: 'visit_reminder',
          dueDate: '2026-11-26',
          why: '计划 2026-11-27 到院，提前 1 天再次确认',
        },
        TODAY,
      ),
    ).toEqual({
      title: '保存后：11月26日 周四 生成「到院前提醒」任务',
      why: '计划 2026-11-27 到院，提前 1 天再次确认',
    });
  });

  it('the verification queue says so, with or without leaving the pool', () => {
    expect(nextStepLines({ kind: 'verification_queue', leavesActivePool: true, why: 'x' }, TODAY).title).toBe(
      '保存后：进入四部回访组核实，并移出跟进名单',
    );
    expect(nextStepLines({ kind: 'verification_queue', leavesActivePool: false, why: 'x' }, TODAY).title).toBe(
      '保存后：进入四部回访组核实，核实后再处理',
    );
  });

  it('waiting for an event', () => {
    expect(nextStepLines({ kind: 'await_event', why: '待有活动' }, TODAY).title).toContain('暂不安排回访');
  });
});
