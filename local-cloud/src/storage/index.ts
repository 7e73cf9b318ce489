export { FileStore, type FileStoreOptions } from './file-store';
export { InvalidCloudPathError, validateCloudPath } from './cloud-path';
export { bucketFor, cloudPathOf, fileIdFor } from './file-id';
export { LOCAL_FILES_PREFIX, downloadUrl, keyFromUrlPath, uploadUrl } from './local-files-url';
