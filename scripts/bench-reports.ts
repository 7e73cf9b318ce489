/**
 * The managers' reports at chain scale: a year of a 10-store chain (≈ 1,000,000 events, folded
 * into day roll-ups by the shared `foldEvents` the writers' `addEvent` belongs to) in a fresh local
 * cloud, then `reports.dashboard` through the gateway as a general manager (the chain) and a store
 * manager (one store). Prints fold time, roll-up documents and their size, and per call the wall
 * time, the function's own time and its database round trips. Numbers, never assertions.
 * Run: npx tsx scripts/bench-reports.ts  (part of npm run bench; BENCH_REPORT_EVENTS to resize)
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { foldEvents, dayNumberToDate, type ReportEvent, type Rollup } from '@clinic/shared';
import { insertAll, removeAll, startBenchCloud } from './bench-cloud.mjs';

const root = path.resolve(__dirname, '..');
const CHAIN = 'chain-yuemei';
const N = Number(process.env.BENCH_REPORT_EVENTS ?? 1_000_000);
const STORES = ['store-1', 'store-2', ...Array.from({ length: 8 }, (_, i) => `bench-store-${i + 3}`)];
const CALLS = 5;

let seed = 7;
const rand = (n: number) => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return Math.floor((seed / 2_147_483_648) * n);
};
const channels = ['referral', 'search', 'ecommerce', 'social', 'phone', 'mini_program', 'walk_in'];
const products = Array.from({ length: 30 }, (_, i) => `bench-product-${i}`);
const groups = ['vip', 'important', 'high_satisfaction', 'bargain', 'general'];

/** One year of events of a store, ending on `today`. */
function storeEvents(storeId: string, count: number, endMs: number): ReportEvent[] {
  const out: ReportEvent[] = [];
  const YEAR_S = 365 * 86_400;
  for (let i = 0; i < count; i++) {
    const at = endMs - rand(YEAR_S) * 1000;
    const staffId = `${storeId}-staff-${rand(50)}`;
    const channel = channels[rand(channels.length)] as string;
    const productId = products[rand(products.length)] as string;
    const personId = `${storeId}-p${rand(20_000)}`;
    const group = groups[rand(groups.length)] as string;
    const kind = rand(10);
    if (kind < 2)
      out.push({
        type: 'filing',
        at,
        storeId,
        personId,
        channel,
        level: 1,
        staffId,
        productId,
        group,
        referrerId: `o${rand(3000)}`,
        referrerStar: 1 + rand(5),
      });
    else if (kind < 4) out.push({ type: 'booking', at, storeId, personId, productId, channel });
    else if (kind < 6)
      out.push({
        type: 'visit',
        at,
        storeId,
        personId,
        channel,
        level: 1,
        first: rand(3) === 0,
        staffId,
        productId,
        group,
      });
    else if (kind < 8)
      out.push({
        type: 'deal',
        at,
        storeId,
        personId,
        productId,
        amountFen: 50_000 + rand(2_000_000),
        channel,
        level: 1,
        first: rand(2) === 0,
        staffId,
        group,
        referrerId: `o${rand(3000)}`,
        referrerStar: 1 + rand(5),
      });
    else if (kind < 9) out.push({ type: 'served', at, storeId, staffId, personId });
    else
      out.push({
        type: 'reward',
        at,
        storeId,
        entryType: rand(3) ? 'credit' : 'use',
        unit: 'fen',
        amount: 1000 + rand(50_000),
      });
  }
  return out;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const fmt = (xs: number[]) => {
  const s = sorted(xs);
  return `p50 ${Math.round(s[Math.floor(s.length / 2)] as number)} ms, max ${Math.round(s.at(-1) as number)} ms`;
};

export async function benchReports(): Promise<void> {
  const cloud = await startBenchCloud(root, 'bench-reports-');
  try {
    const { url } = cloud;
    const clock = (await (await fetch(`${url}/api/clock`)).json()) as { now: string };
    const endMs = Date.parse(clock.now);
    await insertAll(
      url,
      'stores',
      STORES.slice(2).map((id, i) => ({
        _id: id,
        id,
        chainId: CHAIN,
        name: `悦美医疗美容 · ${i + 3} 店`,
        address: '上海',
        active: true,
      })),
    );

    let folded = 0;
    let bytes = 0;
    const docs: Record<string, unknown>[] = [];
    for (const storeId of STORES) {
      const events = storeEvents(storeId, Math.round(N / STORES.length), endMs);
      const started = performance.now();
      const days: Map<number, Rollup> = foldEvents(events, Math.floor((endMs + 8 * 3_600_000) / 86_400_000));
      folded += performance.now() - started;
      for (const [day, rollup] of days) {
        const date = dayNumberToDate(day);
        const doc = {
          _id: `${storeId}_${date.replace(/-/g, '')}`,
          chainId: CHAIN,
          storeId,
          date,
          rollup,
          updatedAt: clock.now,
        };
        bytes += JSON.stringify(doc).length;
        docs.push(doc);
      }
    }
    // The demo seed holds its own roll-ups of store-1 and store-2: the bench's year replaces them.
    await removeAll(url, 'dayRollups');
    await insertAll(url, 'dayRollups', docs, 200);
    console.log(
      `  ${N.toLocaleString('en')} events of ${STORES.length} stores over a year → ${docs.length.toLocaleString('en')} day roll-ups ` +
        `(${(bytes / docs.length / 1024).toFixed(1)} KB each on average); fold ${Math.round(folded)} ms`,
    );

    const call = async (openid: string, data: Record<string, unknown>) => {
      const started = performance.now();
      const res = await fetch(`${url}/api/functions/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-demo-openid': openid },
        body: JSON.stringify({ action: 'dashboard', data }),
      });
      const body = (await res.json()) as { ok: boolean };
      if (!body.ok) throw new Error(`reports.dashboard failed: ${JSON.stringify(body)}`);
      return {
        ms: performance.now() - started,
        fnMs: Number(res.headers.get('x-duration-ms')),
        trips: Number(res.headers.get('x-db-round-trips')),
      };
    };
    for (const [label, openid, data] of [
      ['dashboard, chain (general manager)', 'demo-manager-gm', {}],
      ['dashboard, one store (store manager)', 'demo-manager-store-1', {}],
    ] as const) {
      const runs = [];
      for (let i = 0; i < CALLS; i++) runs.push(await call(openid, data));
      console.log(
        `  ${label.padEnd(40)} wall ${fmt(runs.map((r) => r.ms))}; function ${fmt(runs.map((r) => r.fnMs))}; ` +
          `round trips ${runs[0]?.trips} (target < 1000 ms)`,
      );
    }
  } finally {
    await cloud.stop();
  }
}

if (require.main === module) {
  benchReports().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
