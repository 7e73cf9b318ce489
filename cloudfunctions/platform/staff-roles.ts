import type { StaffPost } from '@clinic/shared';
import { admitsStaff, type Access, type Caller } from './access';

/**
 * The access lists that more than one function (or a page's offer) names: who works follow-up
 * tasks, who verifies, who closes deals, who manages the team, who chases and reassigns overdue
 * follow-ups. One list each, so the workbench offers exactly what the guards will allow.
 */

/** Whoever has follow-up tasks: every post, and managers for their store's tasks. */
export const TASK_PEOPLE: readonly Access[] = [{ staff: 'any' }, 'store_manager', 'general_manager'];

/** 四部回访组 (and managers, who oversee it). */
export const VERIFIERS: readonly Access[] = [
  { staff: 'any', department: 'cs4_followup' },
  'store_manager',
  'general_manager',
];

/** The posts that close deals (every post that meets customers at the store, not the call centre). */
export const DEAL_POSTS = [
  'consultant',
  'onsite_service',
  'butler_service',
  'membership_centre',
  'doctor_assistant',
  'nurse',
  'technician',
] as const satisfies readonly StaffPost[];
export const DEAL_MAKERS: readonly Access[] = [{ staff: DEAL_POSTS }, 'store_manager'];

/** Invites, leavers and targets: the clinic's admin, and a store manager for their store. */
export const TEAM_MANAGERS: readonly Access[] = ['admin', 'store_manager'];

/** The escalation ladder (overdue follow-ups, reassigning them): store managers, the general manager. */
export const ESCALATION_MANAGERS: readonly Access[] = ['store_manager', 'general_manager'];

/** Customer imports from the clinic's CRM: store managers (their store), the general manager and admins. */
export const IMPORTERS: readonly Access[] = ['store_manager', 'general_manager', 'admin'];
/** The clinic's settings, stores, products and audit log: store managers (their store), the general manager, admins. */
export const CLINIC_MANAGERS: readonly Access[] = ['store_manager', 'general_manager', 'admin'];
/** The chain's own settings: only the general manager and admins change them. */
export const CHAIN_SETTINGS_EDITORS: readonly Access[] = ['general_manager', 'admin'];

/** Whether the calling staff member would pass this list (for what a page offers; guards check again). */
export const callerMay = (caller: Caller, access: readonly Access[]) => admitsStaff(access, caller.staff);

/** Who reads the managers' reports: store managers (their store), general managers and admins (the chain). */
export const REPORT_READERS: readonly Access[] = ['store_manager', 'general_manager', 'admin'];
