/// <reference types="node" />
/**
 * Benchmark: the §9 report reducers over 1,000,000 synthetic events.
 * Run: npx tsx shared/bench/reducers.bench.ts   (target: under 2 s on the dev machine)
 */
import { buildReports, DEFAULT_SETTINGS, type ReportEvent } from '../src';

const N = Number(process.env.BENCH_EVENTS ?? 1_000_000);
let seed = 42;
// Deterministic LCG so runs are comparable.
const rand = (n: number) => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  // High bits: the low bits of a power-of-two LCG cycle quickly.
  return Math.floor((seed / 2_147_483_648) * n);
};
const channels = ['referral', 'search', 'ecommerce', 'social', 'phone', 'mini_program', 'walk_in'];
const products = Array.from({ length: 40 }, (_, i) => `p${i}`);
const staff = Array.from({ length: 200 }, (_, i) => `s${i}`);
const posts = [
  'onsite_service',
  'butler_service',
  'membership_centre',
  'call_centre',
  'doctor_assistant',
  'technician',
  'nurse',
  'consultant',
] as const;
const groups = ['vip', 'important', 'high_satisfaction', 'bargain', 'general'];
const start = Date.parse('2025-01-01T00:00:00+08:00');
const YEAR_MS = 365 * 86_400_000;
const startDay = Math.floor((start + 8 * 3_600_000) / 86_400_000);

function makeEvents(): ReportEvent[] {
  const out: ReportEvent[] = new Array(N);
  for (let i = 0; i < N; i++) {
    const at = start + rand(YEAR_MS / 1000) * 1000;
    const s = rand(staff.length);
    const common = {
      at,
      staffId: staff[s] as string,
      post: posts[s % posts.length],
      group: groups[rand(groups.length)] as string,
    };
    const channel = channels[rand(channels.length)] as string;
    const productId = products[rand(products.length)] as string;
    const personId = `c${rand(200_000)}`;
    switch (rand(10)) {
      case 0:
      case 1:
        out[i] = {
          type: 'filing',
          ...common,
          personId,
          channel,
          level: 1,
          productId,
          referrerId: `c${rand(50_000)}`,
          referrerStar: 1 + rand(5),
          referrerLastTreatmentDay: startDay - rand(500),
        };
        break;
      case 2:
        out[i] = { type: 'booking', at, personId, productId, channel };
        break;
      case 3:
      case 4:
        out[i] = { type: 'visit', ...common, personId, channel, level: 1, first: rand(2) === 0, productId };
        break;
      case 5:
      case 6:
        out[i] = {
          type: 'deal',
          ...common,
          personId,
          productId,
          channel,
          level: 1,
          first: rand(3) === 0,
          amountFen: 10_000 + rand(5_000_000),
          referrerStar: 1 + rand(5),
        };
        break;
      case 7: {
        const dueDay = startDay + rand(365);
        out[i] = {
          type: 'followup',
          at,
          staffId: common.staffId,
          post: common.post,
          dueDay,
          ...(rand(4) ? { doneDay: dueDay + rand(3) } : {}),
        };
        break;
      }
      case 8:
        out[i] = rand(2)
          ? { type: 'served', at, staffId: common.staffId, personId }
          : {
              type: 'reward',
              at,
              entryType: (['credit', 'use', 'expire'] as const)[rand(3)],
              unit: 'fen',
              amount: rand(100_000),
            };
        break;
      default:
        out[i] = rand(2)
          ? { type: 'spend', at, channel, amountFen: rand(1_000_000) }
          : { type: 'owned', at, staffId: common.staffId, satisfied: rand(2) === 0 };
    }
  }
  return out;
}

const t0 = performance.now();
const events = makeEvents();
const t1 = performance.now();
const dailyTargets = [
  { metric: 'revenueFen' as const, dimension: 'total' as const, key: 'all', month: '2025-06', value: 5_000_000_000 },
  ...staff
    .slice(0, 50)
    .map((key) => ({ metric: 'deals' as const, dimension: 'staff' as const, key, month: '2025-06', value: 300 })),
  ...products.map((key) => ({
    metric: 'revenueFen' as const,
    dimension: 'product' as const,
    key,
    month: '2025-06',
    value: 100_000_000,
  })),
];
const runs: number[] = [];
let reports: ReturnType<typeof buildReports> | undefined;
for (let r = 0; r < 3; r++) {
  const a = performance.now();
  reports = buildReports(events, { settings: DEFAULT_SETTINGS, asOf: '2025-12-31', dailyTargets });
  runs.push(performance.now() - a);
}
const best = Math.min(...runs);
console.log(`events: ${N.toLocaleString('en-US')} (generated in ${(t1 - t0).toFixed(0)} ms)`);
console.log(
  `buildReports: ${runs.map((r) => r.toFixed(0)).join(' / ')} ms (best ${best.toFixed(0)} ms, ${((N / best) * 1000).toFixed(0)} events/s)`,
);
console.log(`target < 2000 ms: ${best < 2000 ? 'met' : 'NOT met'}`);
console.log(
  `referral share ${reports?.referralShare.shareBp} bp of ${reports?.referralShare.totalRevenueFen} fen; staff rows ${reports?.staff.length}; deviation rows ${reports?.deviation.length}`,
);
