import { parseSettings, type ClinicSettings, type ClinicSettingsInput } from '@clinic/shared';
import { COLLECTIONS } from '../../data/collections';
import type { Database } from '../../platform/db-types';

/** Each chain's settings; without a settings document the defaults apply to every record (no chain filter). */
export async function chainSettings(db: Database): Promise<{ chainId?: string; settings: ClinicSettings }[]> {
  const { data } = await db.collection<{ _id: string }>(COLLECTIONS.settings).limit(100).get();
  if (data.length === 0) return [{ settings: parseSettings({}) }];
  return data.map(({ _id, ...rest }) => ({ chainId: _id, settings: parseSettings(rest as ClinicSettingsInput) }));
}
