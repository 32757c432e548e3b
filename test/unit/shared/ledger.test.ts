import { describe, expect, it } from 'vitest';
import { addWorkingDays, caseDeadlines } from '../../../shared/domain/ledger/deadlines';
import { ledgerOverview, warningOf } from '../../../shared/domain/ledger/warning';
import { closeProblems, dueProblem, reopenProblems } from '../../../shared/domain/ledger/close';
import type { TaskFields, TaskStatus } from '../../../shared/domain/ledger/task.schema';
import { priorStanding, recheckOverview } from '../../../shared/domain/ledger/recheck';
import type { Conclusion } from '../../../shared/domain/ledger/recheck.schema';
import { zh } from '../../../shared/i18n/zh-CN';
import { clueFollowUp } from '../../../shared/domain/findings/clue.schema';

const NATIONAL_DAY = [
  '2026-10-01',
  '2026-10-02',
  '2026-10-05',
  '2026-10-06',
  '2026-10-07',
  '2026-10-08',
];

describe('rectification deadlines', () => {
  it('count working days: weekends and the case’s holidays are skipped', () => {
    expect(addWorkingDays('2026-12-04', 1)).toBe('2026-12-07'); // Friday → Monday
    expect(addWorkingDays('2026-12-01', 15)).toBe('2026-12-22');
    expect(addWorkingDays('2026-12-01', 15, new Set(['2026-12-15']))).toBe('2026-12-23');
    // Across the National Day week (the weekend days of it skipped as weekends anyway).
    expect(addWorkingDays('2026-09-25', 15, new Set(NATIONAL_DAY))).toBe('2026-10-26');
  });

  it('put the plan 15 working days, the meeting a month and the report three months after the feedback', () => {
    expect(caseDeadlines('2026-12-01')).toEqual({
      plan: '2026-12-22',
      meeting: '2027-01-01',
      report: '2027-03-01',
    });
    // Month ends: there is no 31 February or 30 February.
    expect(caseDeadlines('2026-01-31')).toMatchObject({
      meeting: '2026-02-28',
      report: '2026-04-30',
    });
    expect(caseDeadlines('2026-11-30')).toMatchObject({
      meeting: '2026-12-30',
      report: '2027-02-28',
    });
    expect(caseDeadlines('')).toBeUndefined();
  });
});

const task = (over: Partial<TaskFields>): Pick<TaskFields, 'status' | 'stage' | 'due'> => ({
  status: 'inProgress',
  stage: 'concentrated',
  due: '2026-12-31',
  ...over,
});

describe('warnings', () => {
  const today = '2026-12-07';
  it('are red when overdue, yellow within ten days, green otherwise, blue for the long term', () => {
    expect(warningOf(task({ due: '2026-12-06' }), today)).toBe('red');
    expect(warningOf(task({ due: '2026-12-07' }), today)).toBe('yellow');
    expect(warningOf(task({ due: '2026-12-17' }), today)).toBe('yellow');
    expect(warningOf(task({ due: '2026-12-18' }), today)).toBe('green');
    expect(warningOf(task({ due: '2026-12-18' }), today, 20)).toBe('yellow');
    expect(warningOf(task({ stage: 'longTerm', due: '2026-01-01' }), today)).toBe('blue');
    // Finished work is not late, whatever its date.
    expect(warningOf(task({ status: 'closed', due: '2026-01-01' }), today)).toBe('green');
    expect(warningOf(task({ status: 'done', due: '2026-01-01' }), today)).toBe('green');
    expect(warningOf(task({ status: 'notDone', due: '2026-01-01' }), today)).toBe('red');
  });

  it('count by colour, and the completion rate counts 已完成 and 已销号', () => {
    const tasks = [
      task({ status: 'done' }),
      task({ status: 'closed' }),
      task({ status: 'done' }),
      task({ due: '2026-12-01' }),
      task({ due: '2026-12-10' }),
      task({ stage: 'longTerm' }),
      task({}),
      task({ status: 'basicallyDone' }),
    ];
    expect(ledgerOverview(tasks, '2026-12-07')).toEqual({
      tasks: 8,
      byWarning: { red: 1, yellow: 1, green: 5, blue: 1 },
      completed: 3,
      completionRate: 37.5,
    });
    expect(ledgerOverview([], '2026-12-07').completionRate).toBe(0);
  });
});

describe('对账销号', () => {
  const team = new Set(['m1']);
  const sign = { checkedBy: 'm1', date: '2026-12-07' };
  it('needs evidence and a sign-off by a team member', () => {
    expect(closeProblems(task({}), 0, sign, team)).toEqual({ evidence: zh.ledger.needEvidence });
    expect(closeProblems(task({}), 1, null, team)).toEqual({ signOff: zh.ledger.needSignOff });
    expect(closeProblems(task({}), 1, { ...sign, checkedBy: 'stranger' }, team)).toEqual({
      signOff: zh.ledger.needSignOff,
    });
    expect(closeProblems(task({}), 1, sign, team)).toEqual({});
    expect(closeProblems(task({ status: 'closed' }), 1, sign, team)).toEqual({
      status: zh.ledger.alreadyClosed,
    });
  });

  it('reopens only a closed task, and only with a reason', () => {
    expect(reopenProblems(task({ status: 'closed' }), '  ')).toEqual({
      reopenReason: zh.ledger.needReopenReason,
    });
    expect(reopenProblems(task({ status: 'closed' }), '整改反弹')).toEqual({});
    expect(reopenProblems(task({}), '整改反弹')).toEqual({ status: zh.ledger.notClosed });
  });

  it('refuses a 完成时限 before the 反馈日期', () => {
    expect(dueProblem('2026-11-30', '2026-12-01')).toBe(zh.ledger.dueBeforeFeedback('2026-12-01'));
    expect(dueProblem('2026-12-01', '2026-12-01')).toBeUndefined();
    expect(dueProblem('', '2026-12-01')).toBeUndefined();
  });
});

describe('a handed-over clue’s follow-up (移交线索办理是否到位)', () => {
  const clue = (handoverDate: string, resultDate = '') => ({ handoverDate, resultDate });
  it('is awaited until the 反馈期限, overdue after it, answered once the receiver replies', () => {
    expect(clueFollowUp(clue(''), '2026-12-07')).toBe('notHanded');
    expect(clueFollowUp(clue('2026-09-07'), '2026-12-07')).toBe('awaiting'); // due that day
    expect(clueFollowUp(clue('2026-09-06'), '2026-12-07')).toBe('overdue');
    expect(clueFollowUp(clue('2026-09-06', '2026-12-01'), '2026-12-07')).toBe('answered');
  });
});

describe('a 回头看 in figures', () => {
  const task = (status: TaskStatus) => ({
    no: '1-1',
    measure: '',
    department: '',
    due: '',
    status,
    closedOn: '',
    resultNote: '',
  });
  const problem = (...statuses: TaskStatus[]) => ({
    draftNo: '',
    title: '问题',
    description: '',
    tasks: statuses.map(task),
  });
  const row = (
    p: ReturnType<typeof problem>,
    conclusion: '' | Conclusion,
    satisfaction: number | null = null,
  ) => ({ source: 'problem' as const, problem: p, clue: null, conclusion, satisfaction });
  const clue = (handoverDate: string, resultDate: string) => ({
    source: 'clue' as const,
    problem: null,
    conclusion: '' as const,
    satisfaction: null,
    clue: {
      subjectName: '王某',
      subjectTitle: '',
      proposal: '' as const,
      receiver: 'discipline' as const,
      receiverName: '',
      handoverDate,
      resultDate,
      result: '',
    },
  });

  it('reads what the earlier ledger said of a 问题 from its tasks', () => {
    expect(priorStanding(problem())).toBe('none');
    expect(priorStanding(problem('closed', 'closed'))).toBe('closed');
    expect(priorStanding(problem('closed', 'done'))).toBe('done');
    expect(priorStanding(problem('closed', 'basicallyDone'))).toBe('open');
  });

  it('counts conclusions against the ledger, the ones it called done that failed, scores and clues', () => {
    const o = recheckOverview(
      [
        row(problem('closed'), 'fixed', 90),
        row(problem('closed'), 'relapsed', 40),
        row(problem('done'), 'partly'),
        row(problem('inProgress'), 'notFixed'),
        row(problem(), ''),
        clue('2025-12-10', '2026-02-01'),
        clue('2025-12-10', ''),
        clue('2026-11-01', ''),
      ],
      '2026-11-23',
    );
    expect(o).toMatchObject({
      problems: 5,
      concluded: 4,
      byConclusion: { fixed: 1, partly: 1, notFixed: 1, relapsed: 1 },
      doneButFailed: 2,
      surveyed: 2,
      meanSatisfaction: 65,
      clues: 3,
      clueFollowUp: { answered: 1, overdue: 1, awaiting: 1, notHanded: 0 },
    });
    expect(o.table.closed).toMatchObject({ fixed: 1, relapsed: 1, '': 0 });
    expect(o.table.none['']).toBe(1);
  });
});
