import { randomInt } from 'crypto';
import * as z from 'zod';
import {
  STAFF_POSTS,
  addDays,
  checkRedeem,
  generateInviteCode,
  localDate,
  type StaffContract,
  type StaffInvite,
} from '@clinic/shared';
import { getStore } from '../../data/clinic';
import { invitesInTx } from '../../data/invites';
import { staffInTx, staffOfCaller } from '../../data/staff';
import type { Caller } from '../../platform/access';
import type { Database } from '../../platform/db-types';
import { AppError, refuse } from '../../platform/errors';
import { transact } from '../../platform/transaction';

type In<A extends keyof StaffContract> = z.output<StaffContract[A]['input']>;

/** Codes drawn before giving up (31^8 codes: a clash is already rare). */
const CODE_TRIES = 5;

/** An admin invites for any store of the chain; a store manager only for their own store. */
export async function createInvite(input: In<'createInvite'>, caller: Caller, db: Database, now: Date) {
  const me = caller.staff as NonNullable<Caller['staff']>;
  const store = await getStore(db, input.storeId);
  if (!store || store.chainId !== me.chainId) throw refuse('STORE_NOT_FOUND');
  if (!me.admin && store.id !== me.storeId) throw refuse('FORBIDDEN', '店长只能邀请本门店的员工');
  if (input.managerKind && !me.admin) throw refuse('FORBIDDEN', '只有管理员可以邀请管理岗位');
  const nowIso = now.toISOString();
  // Expires at the end of the Shanghai day `validDays` from today.
  const expiresAt = new Date(Date.parse(`${addDays(localDate(now), input.validDays)}T23:59:59+08:00`)).toISOString();
  return transact(db, async (tx) => {
    const invites = invitesInTx(tx);
    for (let i = 0; i < CODE_TRIES; i++) {
      const code = generateInviteCode(randomInt);
      if (await invites.get(code)) continue;
      const invite: StaffInvite = {
        code,
        chainId: me.chainId,
        storeId: store.id,
        name: input.name,
        post: input.post,
        department: input.department,
        ...(input.managerKind ? { managerKind: input.managerKind } : {}),
        createdByStaffId: me.id,
        createdAt: nowIso,
        expiresAt,
        staffId: `staff-${code.toLowerCase()}`,
      };
      await invites.put(invite);
      return { code, expiresAt };
    }
    throw new AppError('CONFLICT');
  });
}

/** Redeems an invite once: the caller's WeChat account becomes the invited staff record. */
export async function redeemInvite(input: In<'redeemInvite'>, caller: Caller, db: Database, now: Date) {
  const already = await staffOfCaller(db, caller.openid);
  const nowIso = now.toISOString();
  const invite = await transact(db, async (tx) => {
    const invites = invitesInTx(tx);
    const found = await invites.get(input.code);
    const check = checkRedeem(found, caller.openid, nowIso, already !== undefined);
    if (!check.ok) throw new AppError(check.reason === 'unknown' ? 'NOT_FOUND' : 'CONFLICT', check.message);
    const inv = found as StaffInvite;
    await invites.update(inv.code, { redeemedByOpenid: caller.openid, redeemedAt: nowIso });
    await staffInTx(tx).put({
      id: inv.staffId,
      chainId: inv.chainId,
      storeId: inv.storeId,
      name: inv.name,
      post: inv.post,
      department: inv.department,
      openid: caller.openid,
      ...(inv.managerKind ? { managerKind: inv.managerKind } : {}),
      active: true,
    });
    return inv;
  });
  const store = await getStore(db, invite.storeId);
  return {
    staffId: invite.staffId,
    name: invite.name,
    post: invite.post,
    postLabel: STAFF_POSTS[invite.post],
    storeName: store?.name ?? '',
  };
}
