import * as z from 'zod';
import { localDate, maskName, maskPhone, workOwner, type FollowUpTask, type StaffContract } from '@clinic/shared';
import { getCustomer } from '../../data/customers';
import { decodeOffsetCursor, encodeOffsetCursor } from '../../data/pagination';
import { getStaff, staffFactsOf, staffInTx } from '../../data/staff';
import { tasksInTx } from '../../data/tasks';
import { pendingVerification, verificationInTx } from '../../data/verification';
import { canSeePerson, type Caller } from '../../platform/access';
import type { Database } from '../../platform/db-types';
import { AppError } from '../../platform/errors';
import { transact } from '../../platform/transaction';

type In<A extends keyof StaffContract> = z.output<StaffContract[A]['input']>;

/** The 四部回访组's queue: pending V4/N2 records of the caller's store (the chain's for chain scope). */
export async function listVerification(input: In<'listVerification'>, caller: Caller, db: Database) {
  const scope = caller.scope;
  if (!scope) throw new AppError('FORBIDDEN');
  const offset = decodeOffsetCursor(input.cursor);
  const where =
    scope.kind === 'chain' ? { chainId: scope.chainId } : { chainId: scope.chainId, storeId: scope.storeId };
  const found = await pendingVerification(db, where, { skip: offset, limit: input.limit + 1 });
  const page = found.slice(0, input.limit);
  const items = await Promise.all(
    page.map(async (item) => {
      const [customer, by] = await Promise.all([
        getCustomer(db, item.customerId),
        item.submittedByStaffId ? getStaff(db, item.submittedByStaffId) : Promise.resolve(null),
      ]);
      return {
        id: item.id,
        customerId: item.customerId,
        displayName: customer ? maskName(customer.name) : '',
        maskedPhone: customer ? maskPhone(customer.phone) : '',
        result: item.result,
        ...(item.reason ? { reason: item.reason } : {}),
        ...(item.note ? { note: item.note } : {}),
        ...(by ? { submittedByName: by.name } : {}),
        submittedAt: item.createdAt,
      };
    }),
  );
  return { items, ...(found.length > input.limit ? { nextCursor: encodeOffsetCursor(offset + input.limit) } : {}) };
}

/**
 * Confirm: the record leaves the active pool (nothing is deleted: the item and the customer stay,
 * marked). Send back: the item is restored and the owner gets a follow-up task again, today.
 */
export async function verify(input: In<'verify'>, caller: Caller, db: Database, now: Date) {
  const me = caller.staff as NonNullable<Caller['staff']>;
  const nowIso = now.toISOString();
  return transact(db, async (tx) => {
    const items = verificationInTx(tx);
    const item = await items.get(input.itemId);
    if (!item || !canSeePerson(caller, item)) throw new AppError('NOT_FOUND', '没有找到这条核实记录');
    if (item.status !== 'pending') throw new AppError('CONFLICT', '该记录已处理');
    const status = input.decision === 'confirm' ? ('confirmed_removed' as const) : ('restored' as const);
    await items.update(item.id, {
      status,
      verifiedByStaffId: me.id,
      verifiedAt: nowIso,
      ...(input.note ? { verifierNote: input.note } : {}),
    });
    if (status === 'confirmed_removed') return { itemId: item.id, status };
    // The task that produced the item is `q<taskId>`'s: the owner follows up again.
    const tasks = tasksInTx(tx);
    const original = await tasks.get(item.id.slice(1));
    if (!original) return { itemId: item.id, status };
    // A colleague who left since: the one who took over their work follows up.
    const owner = await staffInTx(tx).get(original.ownerStaffId);
    const ownerStaffId = workOwner(owner ? staffFactsOf(owner) : null, original.ownerStaffId);
    const again: FollowUpTask = {
      id: `${original.id}_back`,
      chainId: original.chainId,
      storeId: original.storeId,
      customerId: original.customerId,
      ownerStaffId,
      kind: 'retry',
      ...(original.grade ? { grade: original.grade } : {}),
      dueDate: localDate(now),
      status: 'open',
      ...(input.note ? { note: `四部回访组退回：${input.note}` } : { note: '四部回访组退回，请再次跟进' }),
      createdAt: nowIso,
    };
    await tasks.put(again);
    return { itemId: item.id, status, taskId: again.id };
  });
}
