import { scopeOf, type Customer, type Department, type Scope, type Staff, type StaffPost } from '@clinic/shared';
import { customerOfCaller } from '../data/customers';
import type { Stored } from '../data/documents';
import { staffOfCaller } from '../data/staff';
import type { Database } from './db-types';
import { AppError } from './errors';

/**
 * Who may run an action. Identity is the OPENID WeChat puts in the context; every role below is
 * read from the clinic's records, never taken from the request.
 */
export type Access =
  /** Any WeChat user (has an OPENID); what they may see is decided by ownership in the handler. */
  | 'user'
  /** A customer record is linked to the caller (新客 or 老客). */
  | 'customer'
  /** The caller is an existing customer (老客: has had a paid treatment). */
  | 'existing_customer'
  /** Active staff of these posts (or any post), optionally only of one department (e.g. 四部回访组). */
  | { staff: readonly StaffPost[] | 'any'; department?: Department }
  | 'store_manager'
  | 'general_manager'
  /** A staff record with the admin flag (sets the clinic up: invites, settings). */
  | 'admin'
  /** No OPENID: the cloud console, a deploy script, another function's server-side call. */
  | 'system';

/** The caller as the guard established it, handed to the handler. */
export interface Caller {
  openid: string;
  /** The caller's customer record, when the action's access needed it and there is one. */
  customer?: Stored<Customer>;
  /** The caller's active staff record, when the action's access needed it and there is one. */
  staff?: Stored<Staff>;
  /** What the caller may see (own / store / chain) as staff or manager; null otherwise. */
  scope: Scope | null;
}

const needsCustomer = (a: Access) => a === 'customer' || a === 'existing_customer';
const needsStaff = (a: Access) =>
  typeof a === 'object' || a === 'store_manager' || a === 'general_manager' || a === 'admin';

function admits(a: Access, customer: Stored<Customer> | undefined, staff: Stored<Staff> | undefined): boolean {
  if (a === 'user') return true;
  if (a === 'customer') return customer !== undefined;
  if (a === 'existing_customer') return customer?.kind === 'existing';
  if (a === 'system') return false;
  if (!staff) return false;
  if (a === 'store_manager') return staff.managerKind === 'store_manager';
  if (a === 'general_manager') return staff.managerKind === 'general_manager';
  if (a === 'admin') return staff.admin === true;
  if (a.department && staff.department !== a.department) return false;
  return a.staff === 'any' || a.staff.includes(staff.post);
}

/** Whether a staff record passes any entry of the list (no customer entries considered). */
export const admitsStaff = (access: readonly Access[], staff: Stored<Staff> | undefined): boolean =>
  access.some((a) => !needsCustomer(a) && a !== 'user' && admits(a, undefined, staff));

/**
 * Checks the caller against the action's access list before the handler runs. Reads only what the
 * list needs: nothing for `user` or `system`, the customer record and/or the staff record otherwise
 * (in parallel), and hands them to the handler so it does not read them again.
 */
export async function authorise(db: Database, openid: string, access: readonly Access[]): Promise<Caller> {
  if (!openid) {
    if (access.includes('system')) return { openid: '', scope: null };
    throw new AppError('UNAUTHENTICATED');
  }
  if (access.includes('user')) return { openid, scope: null };
  const [customer, staff] = await Promise.all([
    access.some(needsCustomer) ? customerOfCaller(db, openid) : Promise.resolve(undefined),
    access.some(needsStaff) ? staffOfCaller(db, openid) : Promise.resolve(undefined),
  ]);
  if (!access.some((a) => admits(a, customer, staff))) {
    // A customer action refused to someone who is not (yet) a 老客 explains how to become one.
    const customerOnly = access.every(needsCustomer);
    throw new AppError(customerOnly && access.includes('existing_customer') ? 'NOT_EXISTING_CUSTOMER' : 'FORBIDDEN');
  }
  // An admin sets the whole clinic up, so they read the chain, like a general manager.
  const scope = staff
    ? scopeOf(
        staff.admin === true
          ? { role: 'admin', chainId: staff.chainId }
          : {
              role: 'staff',
              staffId: staff.id,
              chainId: staff.chainId,
              storeId: staff.storeId,
              ...(staff.managerKind ? { managerKind: staff.managerKind } : {}),
            },
      )
    : null;
  return {
    openid,
    ...(customer ? { customer } : {}),
    ...(staff ? { staff } : {}),
    scope,
  };
}

/**
 * Whether a person's record (a customer, a booking, a visit …) is within what the calling staff
 * member may see: their own store's people for staff and store managers, the chain's for a general
 * manager or channel lead. Outside it, the record must look exactly like a missing one (NOT_FOUND).
 */
export function canSeePerson(caller: Caller, record: { chainId: string; storeId: string }): boolean {
  const scope = caller.scope;
  if (!scope || record.chainId !== scope.chainId) return false;
  return scope.kind === 'chain' || record.storeId === scope.storeId;
}
