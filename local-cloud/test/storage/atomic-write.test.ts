// The real module object (not an import-star copy), so the spy is seen by the code under test.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import fs = require('node:fs');
import * as path from 'node:path';
import { writeFileAtomic } from '../../src/storage/atomic-write';
import { makeTempDir, removeDir } from '../openapi/support/temp-dir';

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir('atomic');
  });
  afterEach(() => {
    jest.restoreAllMocks();
    removeDir(dir);
  });

  it('keeps the previous content when the write fails midway, and cleans its temp file', () => {
    const target = path.join(dir, 'files', 'a.txt');
    const tmpDir = path.join(dir, 'tmp');
    writeFileAtomic(target, Buffer.from('old'), tmpDir);
    jest.spyOn(fs, 'fsyncSync').mockImplementationOnce(() => {
      throw new Error('disk gone');
    });
    expect(() => writeFileAtomic(target, Buffer.from('new content'), tmpDir)).toThrow('disk gone');
    expect(fs.readFileSync(target, 'utf8')).toBe('old');
    expect(fs.readdirSync(tmpDir)).toEqual([]);
  });

  it('creates missing parent folders', () => {
    const target = path.join(dir, 'files', 'x', 'y', 'z.bin');
    writeFileAtomic(target, Buffer.from([1, 2, 3]), path.join(dir, 'tmp'));
    expect([...fs.readFileSync(target)]).toEqual([1, 2, 3]);
  });
});
