import { setupContract } from '@clinic/shared';
import { COLLECTIONS } from '../../data/collections';
import { INDEXES } from '../../data/indexes';
import { defineFunction } from '../../platform/define-function';

function alreadyExists(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /ALREADY_EXIST/.test(code);
}

export const main = defineFunction(
  setupContract,
  {
    async run(_input, { db }) {
      const created: string[] = [];
      const existing: string[] = [];
      for (const name of Object.values(COLLECTIONS)) {
        try {
          await db.createCollection(name);
          created.push(name);
        } catch (e) {
          if (!alreadyExists(e)) throw e;
          existing.push(name);
        }
      }
      return { created, existing, indexes: INDEXES };
    },
  },
  {
    // Run from the cloud console or a deployment script, where WeChat passes no OPENID; a
    // mini-program user (who always has one) gets FORBIDDEN.
    access: { run: ['system'] },
  },
);
