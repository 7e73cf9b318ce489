import { staffContract } from '@clinic/shared';
import type { Access } from '../../platform/access';
import { defineFunction } from '../../platform/define-function';
import { createInvite, redeemInvite } from './invites';
import { getTaskDetail, listTasks, previewResult, recordResult, remindLater, rescheduleTask, workbench } from './tasks';
import { goldenTime, recordAsk } from './golden-time';
import { listVerification, verify } from './verification';

/** Whoever has follow-up tasks: every post, and managers for their store's tasks. */
const TASK_PEOPLE: readonly Access[] = [{ staff: 'any' }, 'store_manager', 'general_manager'];
/** 四部回访组 (and managers, who oversee it). */
const VERIFIERS: readonly Access[] = [{ staff: 'any', department: 'cs4_followup' }, 'store_manager', 'general_manager'];

export const main = defineFunction(
  staffContract,
  {
    createInvite: (input, { caller, db, now }) => createInvite(input, caller, db, now),
    redeemInvite: (input, { caller, db, now }) => redeemInvite(input, caller, db, now),
    workbench: (_input, { caller, db, now }) => workbench(caller, db, now),
    listTasks: (input, { caller, db, now }) => listTasks(input, caller, db, now),
    getTask: (input, { caller, db, now }) => getTaskDetail(input, caller, db, now),
    previewResult: (input, { caller, db, now }) => previewResult(input, caller, db, now),
    recordResult: (input, { caller, db, now }) => recordResult(input, caller, db, now),
    rescheduleTask: (input, { caller, db, now }) => rescheduleTask(input, caller, db, now),
    remindLater: (input, { caller, db, now }) => remindLater(input, caller, db, now),
    goldenTime: (input, { caller, db, now }) => goldenTime(input, caller, db, now),
    recordAsk: (input, { caller, db, now }) => recordAsk(input, caller, db, now),
    listVerification: (input, { caller, db }) => listVerification(input, caller, db),
    verify: (input, { caller, db, now }) => verify(input, caller, db, now),
  },
  {
    access: {
      createInvite: ['admin', 'store_manager'],
      // Anyone with WeChat who holds a valid code (the code is the credential).
      redeemInvite: ['user'],
      workbench: TASK_PEOPLE,
      listTasks: TASK_PEOPLE,
      getTask: TASK_PEOPLE,
      previewResult: TASK_PEOPLE,
      recordResult: TASK_PEOPLE,
      rescheduleTask: TASK_PEOPLE,
      remindLater: TASK_PEOPLE,
      goldenTime: TASK_PEOPLE,
      recordAsk: TASK_PEOPLE,
      listVerification: VERIFIERS,
      verify: VERIFIERS,
    },
  },
);
