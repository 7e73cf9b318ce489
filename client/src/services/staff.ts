/** The `staff` cloud function: joining, the workbench's follow-up tasks, the verification queue. */
import { staffContract, type ActionInput, type ActionOutput, type Result } from '@clinic/shared';
import { callFunction } from './cloud';

type C = typeof staffContract;
export type Workbench = ActionOutput<C, 'workbench'>;
export type TaskPage = ActionOutput<C, 'listTasks'>;
export type TaskDetail = ActionOutput<C, 'getTask'>;
export type ResultInput = ActionInput<C, 'recordResult'>['result'];
export type ResultPreview = ActionOutput<C, 'previewResult'>;
export type RecordedResult = ActionOutput<C, 'recordResult'>;
export type VerificationPage = ActionOutput<C, 'listVerification'>;
export type TaskBucketName = ActionInput<C, 'listTasks'>['bucket'];

export const createInvite = (input: ActionInput<C, 'createInvite'>) =>
  callFunction('staff', staffContract, 'createInvite', input);

/** A new colleague's one-time invite code binds their WeChat account to the invited staff record. */
export const redeemInvite = (code: string): Promise<Result<JoinedStaff>> =>
  callFunction('staff', staffContract, 'redeemInvite', { code });

export const loadWorkbench = (): Promise<Result<Workbench>> => callFunction('staff', staffContract, 'workbench', {});

export const listTasks = (bucket: TaskBucketName, cursor?: string): Promise<Result<TaskPage>> =>
  callFunction('staff', staffContract, 'listTasks', { bucket, limit: 20, ...(cursor ? { cursor } : {}) });

export const getTask = (taskId: string): Promise<Result<TaskDetail>> =>
  callFunction('staff', staffContract, 'getTask', { taskId });

/** What saving this result would schedule, before saving (nothing is written). */
export const previewResult = (taskId: string, result: ResultInput): Promise<Result<ResultPreview>> =>
  callFunction('staff', staffContract, 'previewResult', { taskId, result });

export const recordResult = (taskId: string, result: ResultInput): Promise<Result<RecordedResult>> =>
  callFunction('staff', staffContract, 'recordResult', { taskId, result });

export const rescheduleTask = (taskId: string, dueDate: string, note?: string) =>
  callFunction('staff', staffContract, 'rescheduleTask', { taskId, dueDate, ...(note ? { note } : {}) });

export const remindLater = (taskId: string, minutes = 60) =>
  callFunction('staff', staffContract, 'remindLater', { taskId, minutes });

export const listVerification = (cursor?: string): Promise<Result<VerificationPage>> =>
  callFunction('staff', staffContract, 'listVerification', { limit: 20, ...(cursor ? { cursor } : {}) });

export const verify = (itemId: string, decision: 'confirm' | 'send_back', note?: string) =>
  callFunction('staff', staffContract, 'verify', { itemId, decision, ...(note ? { note } : {}) });

export type GoldenTimePage = ActionOutput<C, 'goldenTime'>;
export type RecordAskInput = ActionInput<C, 'recordAsk'>;
export type RecordedAsk = ActionOutput<C, 'recordAsk'>;
export type JoinedStaff = ActionOutput<C, 'redeemInvite'>;

/** My old customers in their golden window, ranked, with how to ask (§5). */
export const loadGoldenTime = (cursor?: string): Promise<Result<GoldenTimePage>> =>
  callFunction('staff', staffContract, 'goldenTime', { limit: 20, ...(cursor ? { cursor } : {}) });

/** Records an ask; a target friend becomes a 老带新 filing. */
export const recordAsk = (input: RecordAskInput): Promise<Result<RecordedAsk>> =>
  callFunction('staff', staffContract, 'recordAsk', input);

export type SubscriptionResults = ActionInput<C, 'recordSubscription'>['results'];

/** Banks what `requestSubscribeMessage` answered for the digest template (each 允许 is one more digest). */
export const recordSubscription = (results: SubscriptionResults) =>
  callFunction('staff', staffContract, 'recordSubscription', { results });
