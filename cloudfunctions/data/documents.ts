/** Documents as stored: `{ _id, ...entity }` with `_id === id` for the entities of shared/. */
export type Stored<T> = T & { _id: string };

/** The database's answer for a missing collection (wx-server-sdk errCode -502005). */
export function isMissingCollection(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { errCode?: unknown }).errCode === -502005;
}
