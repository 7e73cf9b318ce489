/**
 * Cloud paths ("dir/a.png") double as on-disk keys under <dataDir>/files, so anything that could
 * escape that folder or collide with the temp area is refused here, once, for every entry point.
 */
export class InvalidCloudPathError extends Error {
  constructor(
    readonly cloudPath: string,
    reason: string,
  ) {
    super(`invalid cloud path ${JSON.stringify(cloudPath)}: ${reason}`);
    this.name = 'InvalidCloudPathError';
  }
}

/** COS keys are at most 850 bytes; we keep the same ceiling so nothing works locally that fails in the cloud. */
const MAX_PATH_BYTES = 850;

export function validateCloudPath(cloudPath: unknown): string {
  if (typeof cloudPath !== 'string' || cloudPath.length === 0) {
    throw new InvalidCloudPathError(String(cloudPath), 'must be a non-empty string');
  }
  if (Buffer.byteLength(cloudPath) > MAX_PATH_BYTES) {
    throw new InvalidCloudPathError(cloudPath, `longer than ${MAX_PATH_BYTES} bytes`);
  }
  if (cloudPath.startsWith('/')) throw new InvalidCloudPathError(cloudPath, 'must not start with "/"');
  // '?' and '#' would cut the unencoded tempFileURL short after the SDK's encodeURI (docs/wire-protocol.md §7).
  if (/[\\?#]/.test(cloudPath) || [...cloudPath].some(isControlChar)) {
    throw new InvalidCloudPathError(cloudPath, 'contains "\\", "?", "#" or a control character');
  }
  for (const segment of cloudPath.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') {
      throw new InvalidCloudPathError(cloudPath, 'empty, "." or ".." path segment');
    }
  }
  return cloudPath;
}

function isControlChar(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}
