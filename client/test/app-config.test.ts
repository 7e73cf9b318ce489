import { PAGE_PATHS } from '@clinic/shared';
import { PAGES } from '../src/constants';

interface AppConfig {
  pages: string[];
  subPackages: { root: string; pages: string[] }[];
  preloadRule?: Record<string, { packages: string[] }>;
}

/** app.config.ts as the build reads it (`defineAppConfig` is a build-time global). */
function loadAppConfig(): AppConfig {
  (globalThis as { defineAppConfig?: (c: AppConfig) => AppConfig }).defineAppConfig = (c) => c;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../src/app.config') as { default: AppConfig }).default;
}

const config = loadAppConfig();
const declared = new Set([
  ...config.pages.map((p) => `/${p}`),
  ...config.subPackages.flatMap((sub) => sub.pages.map((p) => `/${sub.root}/${p}`)),
]);

describe('app.config.ts declares every page the code opens', () => {
  it.each(Object.entries(PAGES))('PAGES.%s (%s)', (_name, url) => {
    expect(declared.has(url)).toBe(true);
  });

  it.each(Object.entries(PAGE_PATHS))('the shared PAGE_PATHS.%s that messages and shares open (%s)', (_name, path) => {
    expect(declared.has(`/${path}`)).toBe(true);
  });

  it('keeps the invitation landing in the main package (the first thing a friend opens)', () => {
    expect(config.pages).toContain(PAGE_PATHS.landing);
  });

  it('preloads only subpackages that exist, from pages that exist', () => {
    const roots = new Set(config.subPackages.map((s) => s.root));
    for (const [page, rule] of Object.entries(config.preloadRule ?? {})) {
      expect(declared.has(`/${page}`)).toBe(true);
      for (const root of rule.packages) expect(roots.has(root)).toBe(true);
    }
  });
});
