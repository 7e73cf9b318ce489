import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The audit log is append-only by construction: the one module that names its collection
 * (data/audit.ts) offers `append` (a set of a new id, inside the transaction of what it records)
 * and a page read, and no other source touches the collection. A change that adds an update or a
 * delete of an entry fails here.
 */
const root = path.resolve(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name === 'test') return [];
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

test('audit entries are immutable: only data/audit.ts names the collection, and it never updates or removes', () => {
  const naming = sources(root).filter((file) =>
    /COLLECTIONS\.auditLogs|['"]auditLogs['"]/.test(readFileSync(file, 'utf8')),
  );
  expect(naming.map((f) => path.relative(root, f)).sort()).toEqual([
    'data/audit.ts',
    'data/collections.ts',
    'data/indexes.ts',
  ]);
  const audit = readFileSync(path.join(root, 'data', 'audit.ts'), 'utf8');
  expect(audit).not.toMatch(/\.(update|remove)\(/);
  expect(audit).toMatch(/append: \(entry: AuditLogEntry\) => log\.doc\(entry\.id\)\.set\(entry\)/);
});
