import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CONTRACTS } from '@clinic/shared';

/**
 * The one path of an action (README "How to add an action"): contract in shared/ → handler and
 * access entry in the function → client service. This check fails when a contract action has no
 * handler or no client service. (A missing access entry does not compile: `defineFunction`
 * requires one per action.)
 */
const root = path.resolve(__dirname, '..', '..');
const read = (p: string) => readFileSync(path.join(root, p), 'utf8');

/** Actions nobody calls from the mini-program, and why. */
const SERVER_ONLY: Record<string, string> = {
  'setup.run': 'run once from the cloud console or the deploy script (system access only)',
};

const functionSource = (fn: string) => {
  const dir = path.join('cloudfunctions', fn, 'src');
  return readdirSync(path.join(root, dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => read(path.join(dir, f)))
    .join('\n');
};
const clientServices = readdirSync(path.join(root, 'client/src/services'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => read(path.join('client/src/services', f)))
  .join('\n');

const actions = Object.entries(CONTRACTS).flatMap(([fn, contract]) =>
  Object.keys(contract).map((action) => [fn, action] as const),
);

test('every function of the contract has a folder with config.json', () => {
  for (const fn of Object.keys(CONTRACTS)) {
    expect(() => read(`cloudfunctions/${fn}/config.json`)).not.toThrow();
  }
});

describe.each(actions)('%s.%s', (fn, action) => {
  test('has a handler and an access entry in its function', () => {
    const source = functionSource(fn);
    expect(source).toMatch(new RegExp(`(async ${action}\\(|\\b${action}: \\()`));
    expect(source).toMatch(new RegExp(`\\b${action}: (\\[|[A-Z_]+,)`));
  });

  test('has a client service (or says why not)', () => {
    if (SERVER_ONLY[`${fn}.${action}`]) return;
    expect(clientServices).toMatch(new RegExp(`callFunction\\(\\s*'${fn}',\\s*\\w+Contract,\\s*'${action}'`));
  });
});
