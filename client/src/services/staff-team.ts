/**
 * The `staff` function's people actions: customer cards, pickers, colleagues, leaving, targets and
 * my figures (the task and workbench actions are in services/staff.ts).
 */
import { staffContract, type ActionInput, type ActionOutput, type Result } from '@clinic/shared';
import { callFunction } from './cloud';

type C = typeof staffContract;
export type CustomerCardView = ActionOutput<C, 'customerCard'>;
export type PersonPickPage = ActionOutput<C, 'findCustomers'>;
export type ColleagueList = ActionOutput<C, 'listColleagues'>;
export type Deactivated = ActionOutput<C, 'deactivate'>;
export type MyFigures = ActionOutput<C, 'myFigures'>;
export type TargetsInput = ActionInput<C, 'setTargets'>;

/** A customer's card: attribution, history, open follow-ups (own store). */
export const loadCustomerCard = (customerId: string): Promise<Result<CustomerCardView>> =>
  callFunction('staff', staffContract, 'customerCard', { customerId });

/** Finds customers by full mobile number or exact name (masked, for pickers). */
export const findCustomers = (query: string): Promise<Result<PersonPickPage>> =>
  callFunction('staff', staffContract, 'findCustomers', { query });

/** The active colleagues of my store (or, for chain managers, of `storeId`). */
export const listColleagues = (filter: ActionInput<C, 'listColleagues'> = {}): Promise<Result<ColleagueList>> =>
  callFunction('staff', staffContract, 'listColleagues', filter);

/** A colleague leaves: their open tasks and old customers go to `handoverToStaffId`. */
export const deactivateColleague = (staffId: string, handoverToStaffId: string): Promise<Result<Deactivated>> =>
  callFunction('staff', staffContract, 'deactivate', { staffId, handoverToStaffId });

export const setTargets = (input: TargetsInput) => callFunction('staff', staffContract, 'setTargets', input);

/** My §4 KPIs of the month against my targets, and my follow-ups. */
export const loadMyFigures = (month?: string): Promise<Result<MyFigures>> =>
  callFunction('staff', staffContract, 'myFigures', month ? { month } : {});

export type EscalationPage = ActionOutput<C, 'escalations'>;

/** Managers: their store's overdue follow-ups on the escalation ladder, oldest first. */
export const loadEscalations = (cursor?: string): Promise<Result<EscalationPage>> =>
  callFunction('staff', staffContract, 'escalations', { limit: 20, ...(cursor ? { cursor } : {}) });

/** Managers: give an open task to a colleague of its store. */
export const reassignTask = (taskId: string, toStaffId: string) =>
  callFunction('staff', staffContract, 'reassignTask', { taskId, toStaffId });
