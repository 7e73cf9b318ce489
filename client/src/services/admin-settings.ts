/**
 * The `admin` function: the clinic's settings, stores and products as managers edit them, and the
 * audit log. Only the admin subpackage imports this file, so none of it is in the main package.
 */
import { adminContract, type ActionInput, type ActionOutput, type Result } from '@clinic/shared';
import { callFunction } from './cloud';

type C = typeof adminContract;
export type AdminSettings = ActionOutput<C, 'getSettings'>;
export type SavedSettings = ActionOutput<C, 'updateSettings'>;
export type SavedStore = ActionOutput<C, 'updateStore'>;
export type SavedProduct = ActionOutput<C, 'upsertProduct'>;
export type AuditPage = ActionOutput<C, 'listAudit'>;
export type AuditFilter = ActionInput<C, 'listAudit'>;
export type UpdateSettingsInput = ActionInput<C, 'updateSettings'>;
export type UpdateStoreInput = ActionInput<C, 'updateStore'>;
export type UpsertProductInput = ActionInput<C, 'upsertProduct'>;

/** The settings with their version, and the stores and products the caller may see. */
export const loadAdminSettings = (): Promise<Result<AdminSettings>> =>
  callFunction('admin', adminContract, 'getSettings', {});

/** One section replaced, made from `expectedVersion` (STALE_VERSION when someone saved first). */
export const saveSettingsSection = (input: UpdateSettingsInput): Promise<Result<SavedSettings>> =>
  callFunction('admin', adminContract, 'updateSettings', input);

export const saveStore = (input: UpdateStoreInput): Promise<Result<SavedStore>> =>
  callFunction('admin', adminContract, 'updateStore', input);

export const saveProduct = (input: UpsertProductInput): Promise<Result<SavedProduct>> =>
  callFunction('admin', adminContract, 'upsertProduct', input);

/** One page of the audit log, newest first. */
export const loadAuditPage = (filter: AuditFilter): Promise<Result<AuditPage>> =>
  callFunction('admin', adminContract, 'listAudit', filter);
