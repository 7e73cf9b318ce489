import { COLLECTIONS } from './collections';

export interface IndexSpec {
  collection: string;
  name: string;
  keys: Record<string, 1 | -1>;
  unique: boolean;
}

/**
 * The indexes each query needs. wx-server-sdk cannot create indexes: in a real environment they are
 * created once in the cloud console (README "Deploy"); `setup` returns this list to follow.
 */
export const INDEXES: IndexSpec[] = [
  { collection: COLLECTIONS.users, name: 'openid', keys: { openid: 1 }, unique: true },
  { collection: COLLECTIONS.staff, name: 'openid_active', keys: { openid: 1, active: 1 }, unique: false },
  { collection: COLLECTIONS.customers, name: 'openids', keys: { openids: 1 }, unique: false },
];
