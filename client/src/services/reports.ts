/** The `reports` function: the managers' dashboard and reports, at the caller's data scope. */
import { reportsContract, type ActionInput, type ActionOutput, type Result } from '@clinic/shared';
import { callFunction } from './cloud';

type C = typeof reportsContract;
export type DashboardView = ActionOutput<C, 'dashboard'>;
export type DashboardQuery = ActionInput<C, 'dashboard'>;

/** 经营看板 for a month (default: this month), for the caller's store or, for chain managers, one store. */
export const loadDashboard = (query: DashboardQuery = {}): Promise<Result<DashboardView>> =>
  callFunction('reports', reportsContract, 'dashboard', query);
