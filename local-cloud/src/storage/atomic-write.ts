import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Write via a temp file in `tmpDir` (same file system as `target`), fsync, then rename:
 * a crash leaves either the old file or the complete new one, never a torn file.
 */
export function writeFileAtomic(target: string, bytes: Buffer, tmpDir: string): void {
  fs.mkdirSync(tmpDir, { recursive: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = path.join(tmpDir, `${process.pid}-${randomBytes(8).toString('hex')}.part`);
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  fsyncDir(path.dirname(target));
}

/** Makes the rename itself durable; some platforms (Windows) cannot open directories, which is fine to skip. */
function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
