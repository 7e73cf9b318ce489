// The staff digest at chain scale: a 10-store chain (the demo's two stores and eight more), 2,000
// staff (a store manager per store, a quarter of everyone subscribed) and 10 k / 100 k due tasks,
// some of them on the escalation ladder, in a fresh local cloud. Prints, per size: wall time of the
// timer runs until the day's digest is done (it checkpoints and resumes), database round trips,
// digests delivered (by outcome), and what a second day-run sends (must be 0). Numbers, never
// assertions.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { insertAll, startBenchCloud } from './bench-cloud.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHAIN = 'chain-yuemei';
const STAFF = 2_000;
const STORES = ['store-1', 'store-2', ...Array.from({ length: 8 }, (_, i) => `bench-store-${i + 3}`)];
const DIGEST_TEMPLATE = 'tmpl-staff-digest';
/** The grant bank's document id (cloudfunctions/data/keys.ts grantIdFor). */
const grantIdFor = (openid, templateId) =>
  'g' + createHash('sha256').update(`grant:${openid}:${templateId}`).digest('hex').slice(0, 24);
const SIZES = (process.env.BENCH_DIGEST_TASKS ?? '10000,100000').split(',').map(Number);

async function benchSize(tasks) {
  const cloud = await startBenchCloud(root, 'bench-digest-');
  try {
    const { url } = cloud;
    const clock = await (await fetch(`${url}/api/clock`)).json();
    const today = new Date(Date.parse(clock.now) + 8 * 3_600_000).toISOString().slice(0, 10);
    const stores = STORES.slice(2).map((id, i) => ({
      _id: id,
      id,
      chainId: CHAIN,
      name: `悦美医疗美容 · ${i + 3} 店`,
      address: '上海',
      active: true,
    }));
    await insertAll(url, 'stores', stores);
    const staff = Array.from({ length: STAFF }, (_, i) => {
      const id = `bench-staff-${String(i).padStart(4, '0')}`;
      // The first colleague of each store is its manager (their digest adds the store's escalations).
      const manager = i < STORES.length;
      return {
        _id: id,
        id,
        chainId: CHAIN,
        storeId: STORES[i % STORES.length],
        name: `员工${i}`,
        post: 'consultant',
        ...(manager ? { managerKind: 'store_manager' } : {}),
        department: manager ? 'consulting' : 'cs2',
        openid: `bench-openid-${i}`,
        active: true,
      };
    });
    await insertAll(url, 'staff', staff);
    // A quarter subscribed: WeChat holds a grant and the bank knows it (the subscribe channel).
    const subscribed = staff.filter((_, i) => i % 4 === 0);
    await insertAll(
      url,
      'subscribeGrants',
      subscribed.map((m) => ({
        _id: grantIdFor(m.openid, DIGEST_TEMPLATE),
        openid: m.openid,
        templateId: DIGEST_TEMPLATE,
        count: 1,
        updatedAt: clock.now,
      })),
    );
    for (const m of subscribed) {
      await fetch(`${url}/api/subscribe/grant`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ openid: m.openid, templateId: DIGEST_TEMPLATE, count: 1 }),
      });
    }
    const day = (offset) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
    const due = Array.from({ length: tasks }, (_, i) => {
      const id = `bench-task-${String(i).padStart(6, '0')}`;
      const owner = staff[i % STAFF];
      return {
        _id: id,
        id,
        chainId: CHAIN,
        storeId: owner.storeId,
        customerId: 'cust-0001',
        ownerStaffId: owner.id,
        kind: 'cadence',
        // Two in three due today, the rest overdue by up to a week (2+ days: escalated, 5+: reassign).
        dueDate: i % 3 === 2 ? day(-1 - (i % 7)) : today,
        status: 'open',
        createdAt: clock.now,
      };
    });
    await insertAll(url, 'followUpTasks', due);
    // 09:30 in Shanghai: the default digest hour has come.
    const at = new Date(`${today}T01:30:00.000Z`).toISOString();
    await fetch(`${url}/api/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ now: at }),
    });

    const runDay = async () => {
      const totals = { runs: 0, trips: 0, sent: 0, inApp: 0, duplicate: 0, failed: 0, owners: 0 };
      const started = performance.now();
      for (let i = 0; i < 200; i++) {
        const res = await fetch(`${url}/api/trigger/reminders`, { method: 'POST' });
        const body = await res.json();
        if (!body.ok) throw new Error(`timer run failed: ${JSON.stringify(body)}`);
        const run = body.data.staffDigest;
        totals.runs += 1;
        totals.trips += Number(res.headers.get('x-db-round-trips'));
        for (const k of ['sent', 'inApp', 'duplicate', 'failed', 'owners']) totals[k] += run[k] ?? 0;
        if (run.done) break;
      }
      return { ...totals, ms: performance.now() - started };
    };
    const first = await runDay();
    const second = await runDay();
    return { tasks, first, second };
  } finally {
    await cloud.stop();
  }
}

export async function benchDigest() {
  console.log(
    `\nstaff digest at chain scale (${STAFF} staff, BENCH_DIGEST_TASKS due tasks, local cloud; scripts/bench-digest.mjs):`,
  );
  console.log(
    `  ${'due tasks'.padStart(9)} ${'wall'.padStart(9)} ${'timer runs'.padStart(10)} ${'round trips'.padStart(11)} ` +
      `${'delivered'.padStart(9)} ${'(in-app)'.padStart(8)} ${'2nd run sends'.padStart(13)}`,
  );
  for (const size of SIZES) {
    const { tasks, first, second } = await benchSize(size);
    const delivered = first.sent + first.inApp;
    console.log(
      `  ${String(tasks).padStart(9)} ${`${(first.ms / 1000).toFixed(1)} s`.padStart(9)} ${String(first.runs).padStart(10)} ` +
        `${String(first.trips).padStart(11)} ${String(delivered).padStart(9)} ${String(first.inApp).padStart(8)} ` +
        `${String(second.sent + second.inApp).padStart(13)}`,
    );
    if (first.failed > 0) console.log(`    ${first.failed} failed deliveries`);
  }
  console.log('  goal: 100 k tasks in < 20 s on the local cloud; a second run sends 0');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  benchDigest().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
