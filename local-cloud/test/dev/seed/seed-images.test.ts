import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { clinicSettingsSchema, storeSchema } from '@clinic/shared';
import { CloudDatabase } from '../../../src/db';
import { COLLECTIONS } from '../../../src/dev/seed/demo-clinic';
import { seedDemoClinic } from '../../../src/dev/seed';
import { FileStore, cloudPathOf } from '../../../src/storage';

/** The demo clinic's pictures: in storage, referred to by fileID, and absent without storage. */
describe('seedDemoClinic pictures', () => {
  const NOW = new Date('2027-03-01T01:00:00Z');
  const ENV = 'local-dev';
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-seed-images-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('puts the doctors’ portraits and the store photos into storage and refers to them by fileID', () => {
    const files = new FileStore({ dataDir: dir, envId: ENV, publicBaseUrl: () => 'http://127.0.0.1:1' });
    const db = CloudDatabase.open({ dataDir: dir, now: () => NOW });
    seedDemoClinic(db, NOW, files);
    const settings = clinicSettingsSchema.parse(
      Object.fromEntries(Object.entries(db.find(COLLECTIONS.settings)[0]!).filter(([k]) => k !== '_id')),
    );
    const stores = db.find(COLLECTIONS.stores).map(({ _id, ...s }) => storeSchema.parse(s));
    const ids = [...settings.clinicProfile.doctors.map((d) => d.photoFileId), ...stores.flatMap((s) => s.photoFileIds)];
    expect(ids).toHaveLength(3 + 2 * 2);
    for (const id of ids) {
      const bytes = files.read(cloudPathOf(ENV, id) ?? '');
      expect(bytes?.subarray(1, 4).toString()).toBe('PNG');
      // Small enough for a phone on a slow network.
      expect(bytes!.length).toBeLessThan(20_000);
    }
    expect(settings.clinicProfile.licenceNumber).not.toBe('');
    db.close();
  });

  it('without storage the clinic is seeded without pictures', () => {
    const db = CloudDatabase.open({ dataDir: dir, now: () => NOW });
    seedDemoClinic(db, NOW);
    const settings = db.find(COLLECTIONS.settings)[0] as { clinicProfile: { doctors: Record<string, unknown>[] } };
    expect(settings.clinicProfile.doctors.every((d) => !('photoFileId' in d))).toBe(true);
    expect(db.find(COLLECTIONS.stores).every((s) => (s.photoFileIds as string[]).length === 0)).toBe(true);
    db.close();
  });
});
