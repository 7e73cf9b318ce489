/// <reference types="node" />
/**
 * Benchmark: the local cloud's store at a few thousand documents (5000 inserts, then 50 filtered
 * and sorted pages with a count each). `npm run bench` prints it; numbers are never asserted
 * (local-cloud/test/db/store.test.ts checks the answers at this size, not the time).
 * Run alone: npx tsx local-cloud/bench/store.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CloudDatabase } from '../src/db';

const DOCS = Number(process.env.BENCH_STORE_DOCS ?? 5000);
const PAGES = Number(process.env.BENCH_STORE_PAGES ?? 50);

const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-store-'));
const db = CloudDatabase.open({ dataDir: dir, now: () => new Date('2025-03-01T08:00:00.000Z') });
try {
  const t0 = performance.now();
  db.insertMany(
    'big',
    Array.from({ length: DOCS }, (_x, i) => ({ i, group: i % 10, name: `n${i}` })),
  );
  const t1 = performance.now();
  for (let k = 0; k < PAGES; k++) {
    db.handle('database.getDocument', {
      collectionName: 'big',
      queryType: 'WHERE',
      query: JSON.stringify({ group: k % 10 }),
      order: '{"i":-1}',
      offset: 10,
      limit: 100,
    });
    db.handle('database.calculateDocument', {
      collectionName: 'big',
      queryType: 'WHERE',
      query: `{"i":{"$gte":${DOCS / 2}}}`,
    });
  }
  const t2 = performance.now();
  console.log(`  ${DOCS} inserts (one insertMany)              ${(t1 - t0).toFixed(0)} ms`);
  console.log(`  ${PAGES} filtered+sorted pages, each with a count  ${(t2 - t1).toFixed(0)} ms`);
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
