import { storage } from '../platform/sdk';

/** Real getTempFileURL takes at most 50 fileIDs per call. */
const MAX_PER_CALL = 50;

/**
 * Temporary URLs of stored files, in one getTempFileURL call; files storage does not know (deleted,
 * never uploaded) are simply absent. When storage fails the page goes without its images.
 */
export async function tempUrlsOf(fileIds: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(fileIds)].slice(0, MAX_PER_CALL);
  if (unique.length === 0) return new Map();
  try {
    return await knownTempUrls(unique);
  } catch (e) {
    console.error('getTempFileURL failed', e);
    return new Map();
  }
}

/** As tempUrlsOf, but a storage failure is the caller's to handle (a decision depends on the answer). */
export async function knownTempUrls(fileIds: readonly string[]): Promise<Map<string, string>> {
  const files = await storage.tempUrls([...fileIds]);
  return new Map(files.filter((f) => f.status === 0 && f.tempFileURL).map((f) => [f.fileID, f.tempFileURL]));
}

/** Deletes files nobody should see any more; a failure leaves an orphan file, never a wrong answer. */
export async function removeQuietly(fileIds: readonly string[]): Promise<void> {
  if (fileIds.length === 0) return;
  try {
    await storage.remove([...fileIds]);
  } catch (e) {
    console.error('deleteFile failed', e);
  }
}
