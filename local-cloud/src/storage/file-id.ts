/**
 * fileIDs have the real shape `cloud://<envId>.<bucket>/<path>`. The real bucket is
 * `<hex of the env id's first 2 chars>-<envId>-<appid-ish number>`; we mimic it so code that
 * splits fileIDs the way production data looks keeps working locally.
 */
export function bucketFor(envId: string): string {
  return `${Buffer.from(envId.slice(0, 2)).toString('hex')}-${envId}-1250000000`;
}

export function fileIdFor(envId: string, cloudPath: string): string {
  return `cloud://${envId}.${bucketFor(envId)}/${cloudPath}`;
}

/** The cloud path of a fileID issued by this env, or null for anything else (other env, malformed). */
export function cloudPathOf(envId: string, fileId: unknown): string | null {
  if (typeof fileId !== 'string') return null;
  const prefix = `cloud://${envId}.${bucketFor(envId)}/`;
  return fileId.startsWith(prefix) ? fileId.slice(prefix.length) : null;
}
