/**
 * URLs of the direct PUT/GET routes. The SDK PUTs to the upload URL verbatim, so that one is
 * percent-encoded; it GETs `encodeURI(tempFileURL)`, so the download URL must stay unencoded
 * (an encoded `%2F` would turn into `%252F`, docs/wire-protocol.md §7).
 */
export const LOCAL_FILES_PREFIX = '/local-files/';

export function uploadUrl(baseUrl: string, cloudPath: string): string {
  return `${trimSlash(baseUrl)}${LOCAL_FILES_PREFIX}${cloudPath.split('/').map(encodeURIComponent).join('/')}`;
}

export function downloadUrl(baseUrl: string, cloudPath: string): string {
  return `${trimSlash(baseUrl)}${LOCAL_FILES_PREFIX}${cloudPath}`;
}

/**
 * For the HTTP layer: the still-encoded part of the request path after `/local-files/`
 * (query string removed) → the key for FileStore.handlePut/read. Null when it is not valid percent-encoding.
 */
export function keyFromUrlPath(encodedRest: string): string | null {
  try {
    return encodedRest.split('/').map(decodeURIComponent).join('/');
  } catch {
    return null;
  }
}

function trimSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}
