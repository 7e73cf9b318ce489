import { staffContract } from '@clinic/shared';
import { ESCALATION_MANAGERS, TASK_PEOPLE, TEAM_MANAGERS, VERIFIERS } from '../../platform/staff-roles';
import { defineFunction } from '../../platform/define-function';
import { createInvite, redeemInvite } from './invites';
import { getTaskDetail, listTasks, previewResult, recordResult, remindLater, rescheduleTask, workbench } from './tasks';
import { goldenTime, recordAsk } from './golden-time';
import { listVerification, verify } from './verification';
import { customerCard, findCustomers } from './customer-card';
import { deactivate, getTargets, listColleagues, setTargets } from './team';
import { myFigures } from './figures';
import { escalations, reassignTask } from './escalations';
import { recordSubscription } from './subscriptions';

export const main = defineFunction(
  staffContract,
  {
    createInvite: (input, { caller, db, now }) => createInvite(input, caller, db, now),
    redeemInvite: (input, { caller, db, now }) => redeemInvite(input, caller, db, now),
    workbench: (_input, { caller, db, now }) => workbench(caller, db, now),
    recordSubscription: (input, { caller, db, now }) => recordSubscription(input, caller, db, now),
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
    customerCard: (input, { caller, db, now }) => customerCard(input, caller, db, now),
    findCustomers: (input, { caller, db }) => findCustomers(input, caller, db),
    listColleagues: (input, { caller, db }) => listColleagues(input, caller, db),
    deactivate: (input, { caller, db, now }) => deactivate(input, caller, db, now),
    setTargets: (input, { caller, db, now }) => setTargets(input, caller, db, now),
    getTargets: (input, { caller, db }) => getTargets(input, caller, db),
    myFigures: (input, { caller, db, now }) => myFigures(input, caller, db, now),
    escalations: (input, { caller, db, now }) => escalations(input, caller, db, now),
    reassignTask: (input, { caller, db, now }) => reassignTask(input, caller, db, now),
  },
  {
    access: {
      createInvite: TEAM_MANAGERS,
      // Anyone with WeChat who holds a valid code (the code is the credential).
      redeemInvite: ['user'],
      workbench: TASK_PEOPLE,
      recordSubscription: TASK_PEOPLE,
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
      customerCard: TASK_PEOPLE,
      findCustomers: TASK_PEOPLE,
      listColleagues: TASK_PEOPLE,
      deactivate: TEAM_MANAGERS,
      setTargets: TEAM_MANAGERS,
      getTargets: TEAM_MANAGERS,
      myFigures: TASK_PEOPLE,
      escalations: ESCALATION_MANAGERS,
      reassignTask: ESCALATION_MANAGERS,
    },
  },
);
