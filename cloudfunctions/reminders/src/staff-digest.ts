import {
  digestDue,
  digestKey,
  digestSummary,
  escalatedDueOnOrBefore,
  localDate,
  maskName,
  reassignDueOnOrBefore,
  staffDigestMessage,
  staffDigestNotice,
  type ClinicSettings,
  type DigestCounts,
  type DigestRun,
  type Staff,
} from '@clinic/shared';
import { getStore } from '../../data/clinic';
import { customersByIds } from '../../data/customers';
import { getJobState, putJobState } from '../../data/jobs';
import { staffByIds, storeManagersOf } from '../../data/staff';
import { dueByOwnerPage, escalationsByStore, type StoreEscalations } from '../../data/tasks';
import type { Stored } from '../../data/documents';
import type { Database } from '../../platform/db-types';
import { deliver } from '../../services/notifier';
import { chainSettings } from './chains';

/** Stop taking new pages well before the 60 s timeout; the next run resumes from the checkpoint. */
const TIME_BUDGET_MS = 45_000;
const DEFAULT_PAGE = 200;

/**
 * Where a chain's digest of one day stands: owners up to `afterOwner` are done, `done` when every
 * owner is; then `managersDone` once the store managers with escalations but no tasks of their own
 * have theirs.
 */
interface DigestJobState extends Record<string, unknown> {
  afterOwner: string | null;
  done: boolean;
  managersDone?: boolean;
  updatedAt: string;
}

export const digestJobName = (chainId: string | undefined, date: string) => `staffDigest_${chainId ?? 'all'}_${date}`;

export interface DigestOptions {
  /** Only this chain (an admin's run); otherwise every chain whose digest hour has come. */
  chainId?: string;
  /** An admin's run sends now, whatever the hour; the timer waits for each chain's hour. */
  ignoreHour?: boolean;
  pageSize?: number;
  maxPages?: number;
  budgetMs?: number;
}

/**
 * The daily staff digest: for each chain whose local hour has reached `notifications.digestHour`,
 * the open tasks due by today are grouped by owner in the database, a page of owners at a time in
 * owner-id order, with the cursor checkpointed per chain and day (data/jobs.ts), so a run that
 * reaches its time budget stops cleanly and the next run — the hourly timer or an admin — resumes.
 * Each active owner gets one digest through the notifier, whose outbox claim makes it exactly one
 * per person and day however often the timer fires, a run is retried, or runs overlap. A store
 * manager's digest also counts the store's escalated tasks (the ladder of shared
 * followup/escalation.ts), and a manager with escalations but no tasks of their own gets one after
 * the owners.
 */
export async function runStaffDigest(db: Database, now: Date, options: DigestOptions = {}): Promise<DigestRun> {
  const started = Date.now();
  const budget = options.budgetMs ?? TIME_BUDGET_MS;
  const pageSize = options.pageSize ?? DEFAULT_PAGE;
  const today = localDate(now);
  const run: DigestRun = { chains: 0, owners: 0, sent: 0, inApp: 0, duplicate: 0, skipped: 0, failed: 0, done: true };
  let pages = 0;
  const chains = (await chainSettings(db)).filter(
    (c) =>
      (options.chainId === undefined || c.chainId === options.chainId) &&
      (options.ignoreHour || digestDue(now, c.settings.notifications.digestHour)),
  );
  for (const { chainId, settings } of chains) {
    run.chains += 1;
    const job = digestJobName(chainId, today);
    let state = (await getJobState<DigestJobState>(db, job)) ?? { afterOwner: null, done: false, updatedAt: '' };
    if (state.done && state.managersDone) continue;
    // The escalation ladder per store, grouped once per run: store managers read it in their digest.
    const escalations = await escalationsByStore(db, {
      ...(chainId ? { chainId } : {}),
      escalatedOnOrBefore: escalatedDueOnOrBefore(today, settings),
      reassignOnOrBefore: reassignDueOnOrBefore(today, settings),
    });
    const digest: DigestContext = { db, now, today, settings, chainId, escalations, run };
    while (!state.done) {
      if (Date.now() - started >= budget || (options.maxPages !== undefined && pages >= options.maxPages)) {
        run.done = false;
        return run;
      }
      const owners = await dueByOwnerPage(db, {
        ...(chainId ? { chainId } : {}),
        today,
        afterOwner: state.afterOwner,
        limit: pageSize,
      });
      pages += 1;
      const outOfTime = () => Date.now() - started >= budget;
      const page = await digestPage(digest, owners, outOfTime);
      state = {
        afterOwner: page.lastOwner ?? state.afterOwner,
        done: !page.stopped && owners.length < pageSize,
        updatedAt: now.toISOString(),
      };
      await putJobState(db, job, state);
      if (page.stopped) {
        run.done = false;
        return run;
      }
    }
    if (Date.now() - started >= budget) {
      run.done = false;
      return run;
    }
    await digestManagers(digest);
    state = { ...state, managersDone: true, updatedAt: now.toISOString() };
    await putJobState(db, job, state);
  }
  return run;
}

/** What every digest of one chain and day is built from. */
interface DigestContext {
  db: Database;
  now: Date;
  today: string;
  settings: ClinicSettings;
  chainId: string | undefined;
  escalations: Map<string, StoreEscalations>;
  run: DigestRun;
}

/** A store manager's digest adds their store's escalations; everyone else's is their own work. */
const escalationsFor = (member: Stored<Staff>, escalations: Map<string, StoreEscalations>) =>
  member.managerKind === 'store_manager' ? escalations.get(member.storeId) : undefined;

/**
 * The store managers of stores with escalated tasks get their digest even with no follow-up of
 * their own (a manager who had some got it, escalations included, with the owners: their key makes
 * this a duplicate that sends nothing).
 */
async function digestManagers(digest: DigestContext): Promise<void> {
  const storeIds = [...digest.escalations.keys()];
  if (storeIds.length === 0) return;
  const managers = await storeManagersOf(digest.db, storeIds, digest.chainId);
  for (let i = 0; i < managers.length; i += DELIVERY_BATCH) {
    await Promise.all(
      managers.slice(i, i + DELIVERY_BATCH).map((m) => deliverDigest(digest, m, { today: 0, overdue: 0 }, undefined)),
    );
  }
}

/** One person's digest through the notifier, counted in the run. */
async function deliverDigest(
  digest: DigestContext,
  member: Stored<Staff>,
  own: { today: number; overdue: number },
  firstCustomer: string | undefined,
): Promise<void> {
  const { db, now, today, settings, run } = digest;
  const store = await getStore(db, member.storeId);
  const ladder = escalationsFor(member, digest.escalations);
  const counts: DigestCounts = {
    ...own,
    ...(ladder ? { escalated: ladder.escalated, reassign: ladder.reassign } : {}),
  };
  const facts = { ...counts, ...(firstCustomer ? { firstCustomer } : {}), storeName: store?.name ?? '' };
  const { notifications } = settings;
  const delivery = await deliver(
    db,
    {
      key: digestKey(member.id, today),
      kind: 'staff_digest',
      chainId: member.chainId,
      date: today,
      recipient: {
        audience: 'staff',
        id: member.id,
        openid: member.openid ?? '',
        ...(member.wecomUserId ? { wecomUserId: member.wecomUserId } : {}),
      },
      order: notifications.channelOrder.staff_digest,
      longTerm: notifications.staffDigestLongTerm,
      subscribe: staffDigestMessage({
        touser: member.openid ?? '',
        templateId: notifications.staffDigestTemplateId,
        ...facts,
      }),
      wecom: staffDigestNotice(facts),
      summary: digestSummary(counts),
      counts,
    },
    now,
  );
  if (delivery.outcome === 'duplicate') run.duplicate += 1;
  else if (delivery.outcome === 'sent') run.sent += 1;
  else if (delivery.outcome === 'in_app') run.inApp += 1;
  else run.failed += 1;
}

/** People whose digests go out at the same time. */
const DELIVERY_BATCH = 10;

async function digestPage(
  digest: DigestContext,
  owners: Awaited<ReturnType<typeof dueByOwnerPage>>,
  outOfTime: () => boolean,
): Promise<{ lastOwner: string | null; stopped: boolean }> {
  const { db, chainId, run } = digest;
  let lastOwner: string | null = null;
  if (owners.length === 0) return { lastOwner, stopped: false };
  const [staff, customers] = await Promise.all([
    staffByIds(
      db,
      owners.map((o) => o.ownerStaffId),
    ),
    customersByIds(
      db,
      owners.map((o) => o.firstCustomerId),
    ),
  ]);
  const digestOne = async (owner: (typeof owners)[number]): Promise<void> => {
    run.owners += 1;
    const member = staff.get(owner.ownerStaffId);
    if (!member || !member.active || (chainId !== undefined && member.chainId !== chainId)) {
      run.skipped += 1;
      return;
    }
    const first = customers.get(owner.firstCustomerId);
    await deliverDigest(
      digest,
      member,
      { today: owner.today, overdue: owner.overdue },
      first ? maskName(first.name) : undefined,
    );
  };
  // A few people at a time (each delivery is a handful of sequential round trips); every one is
  // claimed by its own key, so the order within a batch does not matter.
  for (let i = 0; i < owners.length; i += DELIVERY_BATCH) {
    // Near the time limit the page stops after the last batch done; the checkpoint says which.
    if (outOfTime()) return { lastOwner, stopped: true };
    const batch = owners.slice(i, i + DELIVERY_BATCH);
    await Promise.all(batch.map(digestOne));
    lastOwner = (batch[batch.length - 1] as (typeof owners)[number]).ownerStaffId;
  }
  return { lastOwner, stopped: false };
}
