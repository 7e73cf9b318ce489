/** The facts of a staff record a handover decision needs. */
export interface StaffFacts {
  id: string;
  chainId: string;
  storeId: string;
  active: boolean;
  admin?: boolean;
  managerKind?: string;
  handoverToStaffId?: string;
}

export type HandoverCheck =
  | { ok: true; alreadyDeactivated: boolean }
  | { ok: false; code: 'NOT_FOUND' | 'FORBIDDEN' | 'INVALID_INPUT' | 'CONFLICT'; message: string };

/**
 * Deactivating a colleague hands their open tasks and old customers to one active colleague of
 * the same store (customers belong to a store). A manager or admin account is deactivated only by
 * an admin; nobody deactivates themselves (the clinic would lose its last admin that way). A
 * repeat with the same successor finishes the move; another successor is refused.
 */
export function checkHandover(
  actor: StaffFacts,
  leaving: StaffFacts | null,
  successor: StaffFacts | null,
): HandoverCheck {
  if (!leaving || leaving.chainId !== actor.chainId)
    return { ok: false, code: 'NOT_FOUND', message: '没有找到这位员工' };
  if (leaving.id === actor.id) return { ok: false, code: 'INVALID_INPUT', message: '不能停用自己的账号' };
  if ((leaving.admin === true || leaving.managerKind !== undefined) && actor.admin !== true) {
    return { ok: false, code: 'FORBIDDEN', message: '管理人员的账号只能由管理员停用' };
  }
  if (successor && successor.id === leaving.id) {
    return { ok: false, code: 'INVALID_INPUT', message: '接手的同事不能是要停用的员工本人' };
  }
  if (
    !successor ||
    !successor.active ||
    successor.storeId !== leaving.storeId ||
    successor.chainId !== leaving.chainId
  ) {
    return { ok: false, code: 'INVALID_INPUT', message: '接手的同事须是同一门店的在职员工' };
  }
  if (!leaving.active && leaving.handoverToStaffId !== undefined && leaving.handoverToStaffId !== successor.id) {
    return { ok: false, code: 'CONFLICT', message: '该员工已停用，工作已交给另一位同事' };
  }
  return { ok: true, alreadyDeactivated: !leaving.active };
}

/** Who does new work for a task's owner now: the owner, or whoever took over when they left. */
export function workOwner(owner: StaffFacts | null, ownerId: string): string {
  if (owner && !owner.active && owner.handoverToStaffId !== undefined) return owner.handoverToStaffId;
  return ownerId;
}
