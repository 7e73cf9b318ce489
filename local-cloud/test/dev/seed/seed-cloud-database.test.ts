import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CloudDatabase } from '../../../src/db';
import { COLLECTIONS, buildDemoClinic } from '../../../src/dev/seed/demo-clinic';
import { seedDemoClinic } from '../../../src/dev/seed';

/** The seed against the real local-cloud database, across a restart. */
describe('seedDemoClinic on the local cloud database', () => {
  const NOW = new Date('2025-06-18T02:30:00Z');
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-seed-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('seeds once, survives a restart and is not seeded again', () => {
    const built = buildDemoClinic(NOW).collections;
    const db1 = CloudDatabase.open({ dataDir: dir, now: () => NOW });
    const first = seedDemoClinic(db1, NOW);
    expect(first.seeded).toBe(true);
    for (const name of Object.values(COLLECTIONS)) expect(db1.find(name)).toEqual(built[name]);
    db1.close();

    const later = new Date('2025-07-01T00:00:00Z');
    const db2 = CloudDatabase.open({ dataDir: dir, now: () => later });
    const second = seedDemoClinic(db2, later);
    expect(second.seeded).toBe(false);
    for (const name of Object.values(COLLECTIONS)) expect(db2.find(name)).toHaveLength(built[name]?.length ?? -1);
    expect(db2.find(COLLECTIONS.customers, { openids: 'demo-customer-wangli' })).toHaveLength(1);
    db2.close();
  });
});
