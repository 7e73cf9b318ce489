import { catalogScope, type Editor, type Scope } from '@clinic/shared';
import type { Access, Caller } from '../../platform/access';
import { CHAIN_SETTINGS_EDITORS, CLINIC_MANAGERS } from '../../platform/staff-roles';

/**
 * Who runs the admin actions (checked by the guard from the staff records before any handler):
 * store managers read the settings and edit their own store; the general manager and admins also
 * change the chain's settings. Colleagues without a manager post, channel leads and customers are
 * refused.
 */
export const SETTINGS_READERS: readonly Access[] = CLINIC_MANAGERS;
export const SETTINGS_EDITORS: readonly Access[] = CHAIN_SETTINGS_EDITORS;
/** Stores and products: within the caller's scope (shared `mayEditStore`, `productEditRight`). */
export const CATALOG_EDITORS: readonly Access[] = SETTINGS_READERS;
/** The audit log: a store manager their store's entries, chain managers and admins the chain's. */
export const AUDIT_READERS: readonly Access[] = SETTINGS_READERS;

type Me = NonNullable<Caller['staff']>;

/** The caller as shared's edit rules see them (the guard read the staff record). */
export function editorOf(caller: Caller): { me: Me; scope: Scope | null } {
  const me = caller.staff as Me;
  const editor: Editor = { scope: caller.scope, chainId: me.chainId, admin: me.admin === true };
  return { me, scope: catalogScope(editor) };
}
