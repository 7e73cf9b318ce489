#!/usr/bin/env node
// npm run bench: database round trips per action and booking.create latency, on a fresh local cloud
// seeded with the demo clinic; then the local cloud's store and the shared reducers benchmarks, and
// the staff digest at 10 k / 100 k tasks (scripts/bench-digest.mjs), the customer import of 50,000
// rows (scripts/bench-import.mjs) and the managers' dashboard over a year of a 10-store chain's day
// roll-ups (scripts/bench-reports.ts).
// Numbers are printed, never asserted (machines differ; the round-trip counts are what to watch).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startBenchCloud } from './bench-cloud.mjs';
import { benchDigest } from './bench-digest.mjs';
import { benchImport } from './bench-import.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 200);

// ---------------------------------------------------------------------------------------------
// The minimum round trips each action needs without a cache, and why (the release before the
// per-instance cache measured exactly these). A warm function instance keeps stores and products
// (data/clinic.ts: dropped after 30 s or when settings show a new catalogVersion), so the warm
// numbers printed are lower where an action reads a store or product. One round trip = one request of the SDK to
// the database (the gateway's X-Db-Round-Trips); wx-server-sdk cannot batch, and inside a
// transaction every get/set/update is its own request, plus start and commit.
//
// Day roll-ups (reports, §9) are written in the transaction of the event they count: the store's
// day document read + written (2 per day document, however many events), and each distinct count
// (served, paying customers, star referrers per month) a marker read (1) and, the first time in
// the month, written (+1). The rows below include them where an action writes a §9 event.
//
// | action (scenario)                     | min | what cannot be avoided                                                                 |
// |---------------------------------------|-----|----------------------------------------------------------------------------------------|
// | user.login (returning user)           |  3  | the user doc, the staff record, the customer record (fresh roles, 新客/老客; parallel)  |
// | booking.listStores                    |  1  | one query                                                                              |
// | booking.listProducts                  |  2  | the store (exists? which chain?) + the products query                                  |
// | booking.listSlots                     |  2  | the store (hours, capacity) + the day's slot counters, in parallel; warm, the settings |
// |                                       |     | (catalogue version: a manager's change shows at once) stand in for the cached store    |
// | booking.create, first filing via card | 29  | store, product, settings, card, referrer, customer-by-phone (CRM people have no person |
// |   (F1: 3 follow-up tasks)             |     | doc) = 6; start + commit = 2; in the transaction read person, slot counter, booking-   |
// |                                       |     | code uniqueness = 3; write customer, filing, attribution, 3 tasks, referral, booking,  |
// |                                       |     | counter, person = 10; the referrer's 好友已预约: outbox claim, grant bank, outcome = 3  |
// |                                       |     | (+1 the first time a referrer refers: hasReferred; +2 when a grant is spent)           |
// |                                       |     | roll-up: the day (filing + booking) 2, star-referrer marker 2; the bench's referrer   |
// |                                       |     | refers for the first time (+1 above)                                                  |
// | booking.create, no code (小程序)      | 21  | store, product, settings, customer-by-phone, the store's staff (owner) = 5; 2; 3;      |
// |                                       |     | writes as above without the referral = 9                                               |
// |                                       |     | roll-up: the day (filing + booking) = 2                                                |
// | booking.create, repeat of an upcoming | 10  | store, product, settings, customer-by-phone = 4; 2; person + the upcoming booking = 2; |
// |   booking (existing: true)            |     | touch filing + person = 2                                                              |
// | booking.reschedule                    | 11  | booking, store, product = 3; 2; booking + 2 counters = 3; 2 counters + booking = 3     |
// | booking.cancel                        | 13  | booking = 1; 2; booking, counter, person = 3; booking, counter, person = 3; the answer |
// |   (a referred friend's booking)       |     | names the store and product = 2; the friend's referral read and set 已取消 = 2         |
// | booking.listMine                      |  3  | the caller's bookings + their stores + products (names are not copied onto bookings)   |
// | referral.getMyCard (first call)       | 11  | customer, settings, holder = 3; 2; holder + code uniqueness = 2; card + holder = 2;    |
// |                                       |     | store the QR's fileID = 1; the referral-update grants banked = 1                       |
// | referral.getMyCard (card exists)      |  4  | customer (by OPENID), holder (active code, stored QR), settings (benefits), the        |
// |                                       |     | referral-update grants banked                                                          |
// | referral.revokeCard                   |  6  | customer = 1; 2; holder = 1; card + holder = 2                                         |
// | referral.resolveLanding (valid)       |  4  | card, referrer, settings, the active stores (the clinic on the landing)                |
// | referral.resolveLanding (mistyped)    |  0  | the check character is verified before any read                                       |
// | referral.listMyReferrals              |  2  | customer + one page                                                                    |
// | referral.listMyRewards                |  3  | customer + ledger page(s) + pending referrals count                                    |
// | identity.bindPhone (existing customer)|  3  | customers by phone, link the OPENID, record the phone on the user (a user who never    |
// |                                       |     | logged in costs 6 more: roles + the transaction creating the user record)              |
// | visits.checkIn (first visit, by code) | 22  | staff (guard), booking, customer = 3; settings, store, filings, visits, person = 5;    |
// |                                       |     | start + commit = 2; in it: visit, attribution, relationship = 3; visit, attribution,   |
// |                                       |     | booking, person = 4; the credited staff member's name = 1                             |
// |                                       |     | roll-up: the day (visit + served) 2, served-customer marker 2                          |
// | visits.checkIn (again the same day)   | 13  | as above up to the transaction (8), start + commit, visit, attribution, relationship   |
// |                                       |     | reads (3); no writes (a pre-check of the day's visit would save 5 here, cost 1 on     |
// |                                       |     | first visits)                                                                          |
// | visits.checkIn (unfiled walk-in)      | 23  | staff, customer-by-phone = 2; settings, store, person = 3; 2; visit, attribution,      |
// |                                       |     | person = 3; customer, filing, attribution, 3 F1 tasks, visit, person = 8; staff name=1 |
// |                                       |     | roll-up: the day (filing + visit + served) 2, served-customer marker 2                 |
// | visits.fileAtDesk (new person)        | 21  | staff; settings, store, customer-by-phone, person = 5; 2; person = 1; customer, filing,|
// |                                       |     | attribution, 6 F2 tasks (planAhead), person = 10; staff name = 1                       |
// |                                       |     | roll-up: the day (filing) = 2                                                          |
// | visits.fileAtDesk (filed → touch)     | 13  | staff; settings, store, customer, person = 5; first filing, attribution = 2; 2; touch, |
// |                                       |     | R8 audit, person = 3; staff name = 1                                                   |
// | staff.workbench                       |  9  | staff; four tab counts; settings (digest template), store name; unseen in-app digests, |
// |                                       |     | the digest grant bank (+1 marking in-app digests seen, when there are some)            |
// | staff.listTasks                       |  3  | staff; one page of tasks; their customers in one query                                 |
// | staff.getTask                         | 12  | staff, task; customer, attribution, filings, visits, bookings, tasks, deals,           |
// |                                       |     | relationship = 8; settings (channel labels), the referrer's name (+ the products of   |
// |                                       |     | the customer's deals, when there are some)                                             |
// | staff.customerCard (referred friend)  | 11  | staff, customer; attribution, filings, visits, bookings, tasks, deals, relationship,   |
// |                                       |     | settings = 8; the referrer's name                                                      |
// | staff.findCustomers (by phone)        |  2  | staff, the customer of that phone                                                      |
// | staff.listColleagues                  |  2  | staff, the store's active staff                                                        |
// | staff.myFigures                       | 10  | staff; filed and first-visited attributions, deals, tasks of the month, visits received|
// |                                       |     | and checked in, owned old customers, targets, settings = 9                             |
// | staff.setTargets                      |  3  | manager, the colleague (scope), the month's targets                                    |
// | staff.deactivate                      |  9  | manager, leaver, successor = 3; deactivate = 1; move tasks, move customers (one update |
// |                                       |     | each, however many) = 2; audit entry: start + write + commit = 3                       |
// | deals.prepare                         |  4  | staff, customer, a visit exists?, the customer's ledger (balances)                     |
// | staff.previewResult                   |  5  | staff, task; settings, store (open days), coming events                                |
// | staff.recordResult                    | 10  | as preview (5); start + commit; the task re-read; close it; the next task (or queue)   |
// | deals.record, a referee's first paid  | 37  | staff (guard) + the request key (a retry answers after it) + customer = 3; visits,     |
// |   deal (credits referrer + referee,   |     | product, settings, referral = 4; earlier deals (first paid?), referrer (version, name),|
// |   her lipstick)                       |     | both ledgers (caps, already credited) = 4; 2; request, customer, referrer (versions)   |
// |                                       |     | = 3; deal, 3 credits, customer, referrer, referral, request = 8; then the referrer's   |
// |                                       |     | 奖励已到账 per credit of theirs (2): claim, grant bank, outcome = 6                    |
// |                                       |     | roll-up: the referrer (star table) 1; the day 2; paying marker 2; served marker 1 (set at|
// |                                       |     | check-in); star-referrer marker 1                                                      |
// | deals.record, retry of the same key   |  2  | staff (guard) + the request key, whose stored answer is returned                       |
// | deals.record, later deal (no reward)  | 20  | 3; visits, product, settings, referral (dealt: no deals or ledgers needed) = 4; 2;     |
// |                                       |     | request + customer = 2; deal, customer, request = 3                                    |
// |                                       |     | roll-up: the referrer 1, the day 2, paying, served, star-referrer markers (set) 3      |
// | deals.record, spends a rebate         | 22  | 3; 4 + the customer's ledger (balance) = 5; 2; request + customer = 2; deal, one use   |
// |   (drawn on one credit)               |     | entry, customer, request = 4                                                           |
// |                                       |     | roll-up: as the later deal = 6                                                         |
// | deals timer rewardExpiry (first run   |  3  | the saved cursor, one page of expiring credits (none), where the scan stands           |
// |   of the day, nothing expired)        |     |                                                                                        |
// | deals timer rewardExpiry (again that  |  1  | the saved cursor: today's window is done                                               |
// |   day)                                |     |                                                                                        |
// ---------------------------------------------------------------------------------------------
const MINIMUM = {
  'user.login (returning)': 3,
  'booking.listStores': 1,
  'booking.listProducts': 2,
  'booking.listSlots': 2,
  'booking.create (first filing via card)': 29,
  'booking.create (no code, 小程序)': 21,
  'booking.create (repeat → existing)': 10,
  'booking.reschedule': 11,
  'booking.cancel': 13,
  'booking.listMine': 3,
  'referral.getMyCard (first call)': 11,
  'referral.getMyCard (card exists)': 4,
  'referral.revokeCard': 6,
  'referral.resolveLanding (valid)': 4,
  'referral.resolveLanding (mistyped)': 0,
  'referral.listMyReferrals': 2,
  'referral.listMyRewards': 3,
  'identity.bindPhone (existing customer)': 3,
  'visits.checkIn (first visit, by code)': 22,
  'visits.checkIn (again the same day)': 13,
  'visits.checkIn (unfiled walk-in)': 23,
  'visits.fileAtDesk (new person)': 21,
  'visits.fileAtDesk (filed → touch)': 13,
  'staff.workbench': 9,
  'staff.listTasks': 3,
  'staff.getTask': 12,
  'staff.customerCard (referred friend)': 11,
  'staff.findCustomers (by phone)': 2,
  'staff.listColleagues': 2,
  'staff.myFigures': 10,
  'staff.setTargets': 3,
  'staff.deactivate': 9,
  'deals.prepare': 4,
  'staff.previewResult': 5,
  'staff.recordResult': 10,
  'deals.record (first paid deal, credits)': 37,
  'deals.record (retry, same key)': 2,
  'deals.record (later deal, no reward)': 20,
  'deals.record (spends a rebate)': 22,
  'deals timer rewardExpiry (first run)': 3,
  'deals timer rewardExpiry (again that day)': 1,
};

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

async function main() {
  console.log('building the cloud functions…');
  const build = spawnSync(process.execPath, ['scripts/build-functions.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);

  const cloud = await startBenchCloud(root, 'bench-local-cloud-');
  try {
    await runBench(cloud.url);
  } finally {
    await cloud.stop();
  }

  // Speed checks live here, never in tests (a loaded machine is slow, not wrong).
  const store = path.join(root, 'local-cloud', 'bench', 'store.bench.ts');
  console.log('\nlocal cloud store at a few thousand documents (local-cloud/bench/store.bench.ts):');
  spawnSync(process.execPath, ['--import', 'tsx', store], { cwd: root, stdio: 'inherit' });

  const reducers = path.join(root, 'shared', 'bench', 'reducers.bench.ts');
  if (existsSync(reducers)) {
    console.log('\nshared reducers benchmark (shared/bench/reducers.bench.ts):');
    spawnSync(process.execPath, ['--import', 'tsx', reducers], { cwd: root, stdio: 'inherit' });
  }

  await benchDigest();
  await benchImport();

  console.log("\nmanagers' reports over a year of a 10-store chain (scripts/bench-reports.ts):");
  spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'bench-reports.ts')], {
    cwd: root,
    stdio: 'inherit',
  });
}

async function runBench(url) {
  const call = async (fn, action, data, openid) => {
    const headers = { 'content-type': 'application/json' };
    if (openid) headers['x-demo-openid'] = openid;
    const started = performance.now();
    const res = await fetch(`${url}/api/functions/${fn}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ action, data }),
    });
    const body = await res.json();
    return {
      body,
      ms: performance.now() - started,
      trips: Number(res.headers.get('x-db-round-trips')),
      fnMs: Number(res.headers.get('x-duration-ms')),
    };
  };
  const must = (r, what) => {
    if (!r.body.ok) throw new Error(`${what} failed: ${JSON.stringify(r.body)}`);
    return r.body.data;
  };

  // Open days of 一店 from tomorrow on (Shanghai), from the functions' own answers.
  const days = [];
  const clock = await (await fetch(`${url}/api/clock`)).json();
  for (let d = 1; days.length < 10 && d < 60; d++) {
    const date = new Date(Date.parse(clock.now) + 8 * 3_600_000 + d * 86_400_000).toISOString().slice(0, 10);
    const r = await call('booking', 'listSlots', { storeId: 'store-1', date }, 'bench-probe');
    if (r.body.ok && !r.body.data.closed) days.push({ date, slots: r.body.data.slots.map((s) => s.slot) });
  }
  const [day1, day2] = days;
  const book = (over, openid) =>
    call(
      'booking',
      'create',
      {
        storeId: 'store-1',
        productId: 'product-botulinum',
        date: day1.date,
        slot: day1.slots[0],
        name: '测试',
        phone: '13900000000',
        consentVersion: '2026-12',
        sensitiveConsent: true,
        ...over,
      },
      openid,
    );

  const trips = {};
  const measure = async (name, fn) => {
    const r = await fn();
    must(r, name);
    trips[name] = r.trips;
    return r;
  };
  const failing = async (name, fn) => {
    const r = await fn();
    trips[name] = r.trips;
    return r;
  };

  await call('user', 'login', {}, 'demo-newcomer-1');
  await measure('user.login (returning)', () => call('user', 'login', {}, 'demo-newcomer-1'));
  await measure('booking.listStores', () => call('booking', 'listStores', {}, 'demo-newcomer-1'));
  await measure('booking.listProducts', () =>
    call('booking', 'listProducts', { storeId: 'store-1' }, 'demo-newcomer-1'),
  );
  await measure('booking.listSlots', () =>
    call('booking', 'listSlots', { storeId: 'store-1', date: day1.date }, 'demo-newcomer-1'),
  );
  const card = must(
    await measure('referral.getMyCard (first call)', () => call('referral', 'getMyCard', {}, 'demo-customer-wangli')),
    'card',
  );
  await measure('referral.getMyCard (card exists)', () => call('referral', 'getMyCard', {}, 'demo-customer-wangli'));
  await measure('referral.resolveLanding (valid)', () =>
    call('referral', 'resolveLanding', { code: card.code }, 'demo-newcomer-1'),
  );
  const typo = card.code.slice(0, 3) + (card.code[3] === 'A' ? 'B' : 'A') + card.code.slice(4);
  await failing('referral.resolveLanding (mistyped)', () =>
    call('referral', 'resolveLanding', { code: typo }, 'demo-newcomer-1'),
  );
  const first = must(
    await measure('booking.create (first filing via card)', () =>
      book({ phone: '13900000001', referralCode: card.code }, 'demo-newcomer-1'),
    ),
    'create',
  );
  await measure('booking.create (no code, 小程序)', () =>
    book({ phone: '13900000002', slot: day1.slots[1] }, 'demo-newcomer-2'),
  );
  await measure('booking.create (repeat → existing)', () =>
    book({ phone: '13900000002', slot: day1.slots[1] }, 'demo-newcomer-2'),
  );
  await measure('booking.reschedule', () =>
    call('booking', 'reschedule', { bookingId: first.id, date: day2.date, slot: day2.slots[2] }, 'demo-newcomer-1'),
  );
  await measure('booking.listMine', () => call('booking', 'listMine', {}, 'demo-newcomer-1'));
  await measure('booking.cancel', () => call('booking', 'cancel', { bookingId: first.id }, 'demo-newcomer-1'));
  await measure('referral.listMyReferrals', () => call('referral', 'listMyReferrals', {}, 'demo-customer-wangli'));
  await measure('referral.listMyRewards', () => call('referral', 'listMyRewards', {}, 'demo-customer-wangli'));
  // 刘芳's phone in the demo seed (DEMO_CUSTOMERS; /api/demo/identities shows it masked only).
  const liufangPhone = '17618674536';
  await call('user', 'login', {}, 'bench-liufang-2nd-phone');
  await measure('identity.bindPhone (existing customer)', () =>
    call('identity', 'bindPhone', { code: `demo_${liufangPhone}` }, 'bench-liufang-2nd-phone'),
  );
  await measure('referral.revokeCard', () => call('referral', 'revokeCard', {}, 'demo-customer-wangli'));

  // The desk and the workbench (staff subpackage).
  const STAFF = 'demo-staff-consultant-1';
  const toVisit = must(
    await call(
      'booking',
      'create',
      {
        storeId: 'store-1',
        productId: 'product-botulinum',
        date: day1.date,
        slot: day1.slots[3],
        name: '到院',
        phone: '13900000004',
        consentVersion: '2026-12',
        sensitiveConsent: true,
      },
      'bench-visitor',
    ),
    'booking to check in',
  );
  await measure('visits.checkIn (first visit, by code)', () =>
    call('visits', 'checkIn', { bookingCode: toVisit.id }, STAFF),
  );
  await measure('visits.checkIn (again the same day)', () =>
    call('visits', 'checkIn', { bookingCode: toVisit.id }, STAFF),
  );
  await measure('visits.checkIn (unfiled walk-in)', () =>
    call('visits', 'checkIn', { phone: '13900000005', name: '散客' }, STAFF),
  );
  await measure('visits.fileAtDesk (new person)', () =>
    call('visits', 'fileAtDesk', { phone: '13900000006', name: '电商客', channel: 'ecommerce', grade: 'F2' }, STAFF),
  );
  await measure('visits.fileAtDesk (filed → touch)', () =>
    call('visits', 'fileAtDesk', { phone: '13900000006', name: '电商客', channel: 'search', grade: 'F1' }, STAFF),
  );
  await measure('staff.workbench', () => call('staff', 'workbench', {}, STAFF));
  const tasks = must(
    await measure('staff.listTasks', () => call('staff', 'listTasks', { bucket: 'today' }, STAFF)),
    'tasks',
  );
  const taskId = tasks.items[0].id;
  await measure('staff.getTask', () => call('staff', 'getTask', { taskId }, STAFF));
  const v1 = { result: 'V1', plannedVisitDate: day2.date };
  await measure('staff.previewResult', () => call('staff', 'previewResult', { taskId, result: v1 }, STAFF));
  await measure('staff.recordResult', () => call('staff', 'recordResult', { taskId, result: v1 }, STAFF));
  // deals.record needs a checked-in customer: until the check-in action exists, the referee's visit
  // goes in through the local cloud's database wire (what wx-server-sdk sends), outside any call.
  const wire = async (action, body) => {
    const res = await fetch(`${url}/inv/bench/admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action, ...body }),
    });
    return res.json();
  };
  const booked = await wire('database.getDocument', {
    collectionName: 'bookings',
    queryType: 'WHERE',
    query: JSON.stringify({ _id: first.id }),
    limit: 1,
  });
  const refereeId = JSON.parse(booked.data.list[0]).customerId;
  const visit = { _id: `vbench_${refereeId}`, id: `vbench_${refereeId}`, chainId: 'chain-yuemei', storeId: 'store-1' };
  await wire('database.insertDocument', {
    collectionName: 'visits',
    data: [
      JSON.stringify({ ...visit, customerId: refereeId, at: clock.now, companionCustomerIds: [], productIds: [] }),
    ],
  });
  await measure('staff.customerCard (referred friend)', () =>
    call('staff', 'customerCard', { customerId: refereeId }, STAFF),
  );
  await measure('staff.findCustomers (by phone)', () =>
    call('staff', 'findCustomers', { query: '17618674536' }, STAFF),
  );
  await measure('staff.listColleagues', () => call('staff', 'listColleagues', {}, STAFF));
  await measure('staff.myFigures', () => call('staff', 'myFigures', {}, STAFF));
  await measure('staff.setTargets', () =>
    call(
      'staff',
      'setTargets',
      { staffId: 'staff-s1-consultant-1', month: clock.now.slice(0, 7), targets: { referralFilings: 8 } },
      'demo-manager-store-1',
    ),
  );
  await measure('deals.prepare', () => call('deals', 'prepare', { customerId: refereeId }, STAFF));
  const deal = (key, over = {}) =>
    call(
      'deals',
      'record',
      {
        customerId: refereeId,
        items: [{ productId: 'product-botulinum', amountFen: 298_000, paidFen: 298_000 }],
        idempotencyKey: key,
        ...over,
      },
      'demo-staff-consultant-1',
    );
  const credited = must(
    await measure('deals.record (first paid deal, credits)', () => deal('bench-deal-first')),
    'deal',
  );
  if (credited.credited.length !== 3) throw new Error(`expected 3 credits: ${JSON.stringify(credited)}`);
  await measure('deals.record (retry, same key)', () => deal('bench-deal-first'));
  await measure('deals.record (later deal, no reward)', () => deal('bench-deal-later'));
  await measure('deals.record (spends a rebate)', () =>
    deal('bench-deal-spend', { useRewards: [{ kind: 'rebate', amount: 10_000 }] }),
  );
  const fire = async (fn) => {
    const res = await fetch(`${url}/api/trigger/${fn}`, { method: 'POST' });
    return { body: await res.json(), trips: Number(res.headers.get('x-db-round-trips')) };
  };
  await measure('deals timer rewardExpiry (first run)', () => fire('deals'));
  await measure('deals timer rewardExpiry (again that day)', () => fire('deals'));
  // Last: a colleague leaves (the nurse's work goes to the butler).
  await measure('staff.deactivate', () =>
    call(
      'staff',
      'deactivate',
      { staffId: 'staff-s1-nurse-1', handoverToStaffId: 'staff-s1-butler-1' },
      'demo-manager-store-1',
    ),
  );

  console.log('\ndatabase round trips per action (X-Db-Round-Trips) vs the minimum it needs without a cache:');
  console.log(`  ${'action'.padEnd(42)} ${'measured'.padStart(8)} ${'minimum'.padStart(8)}`);
  for (const [name, min] of Object.entries(MINIMUM)) {
    const m = trips[name];
    // Below the minimum: stores and products came from the instance's cache (data/clinic.ts).
    const mark =
      m === undefined ? '' : m > min ? `  (+${m - min} MORE THAN NEEDED)` : m < min ? `  (${m - min}, cached)` : '';
    console.log(`  ${name.padEnd(42)} ${String(m ?? '-').padStart(8)} ${String(min).padStart(8)}${mark}`);
  }

  // booking.create under concurrency: distinct new phones, half through a card, spread over
  // slots and days so that capacity is never the limit; CONCURRENCY callers at a time.
  const referralCode = must(await call('referral', 'getMyCard', {}, 'demo-customer-liufang'), 'card').code;
  const capacity = 3; // 一店's places per slot
  const later = days.slice(2);
  const perDay = later[0].slots.length * capacity;
  const plan = Array.from({ length: BOOKINGS }, (_, i) => {
    const day = later[Math.floor(i / perDay) % later.length];
    return {
      phone: `138${String(10_000_000 + i).slice(-8)}`,
      date: day.date,
      slot: day.slots[Math.floor((i % perDay) / capacity) % day.slots.length],
      ...(i % 2 ? { referralCode } : {}),
    };
  });
  const latencies = [];
  const fnDurations = [];
  const roundTrips = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, w) => {
      while (next < plan.length) {
        const i = next++;
        const r = await book(plan[i], `bench-caller-${w}-${i}`);
        if (!r.body.ok) failures++;
        latencies.push(r.ms);
        fnDurations.push(r.fnMs);
        roundTrips.push(r.trips);
      }
    }),
  );
  const wall = performance.now() - started;
  latencies.sort((a, b) => a - b);
  fnDurations.sort((a, b) => a - b);
  roundTrips.sort((a, b) => a - b);
  console.log(
    `\nbooking.create: ${BOOKINGS} first bookings, ${CONCURRENCY} concurrent callers (local cloud: 4 instances per function)`,
  );
  console.log(
    `  latency at the gateway   p50 ${pct(latencies, 50).toFixed(1)} ms   p95 ${pct(latencies, 95).toFixed(1)} ms   max ${latencies.at(-1).toFixed(1)} ms`,
  );
  console.log(`  inside the function      p50 ${pct(fnDurations, 50)} ms   p95 ${pct(fnDurations, 95)} ms`);
  console.log(
    `  round trips per call     p50 ${pct(roundTrips, 50)}   p95 ${pct(roundTrips, 95)}   max ${roundTrips.at(-1)} (retried conflicts add trips)`,
  );
  console.log(`  throughput ${(BOOKINGS / (wall / 1000)).toFixed(1)} bookings/s, failures ${failures}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
