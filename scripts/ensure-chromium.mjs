#!/usr/bin/env node
// The browser tests use Debian's chromium (playwright cannot download browsers here).
// Installs it when missing and we are root on Debian; otherwise stops with one clear line.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    console.error(
      `Chromium is missing: install Debian's "chromium" and "fonts-noto-cjk" (sudo apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH.`,
    );
    process.exit(1);
  }
  console.log('installing Debian chromium + CJK fonts for the browser tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = spawnSync(
    'apt-get',
    ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'],
    {
      stdio: 'inherit',
      env,
    },
  );
  if (update.status !== 0 || install.status !== 0 || !existsSync(CHROMIUM)) {
    console.error('Could not install chromium with apt-get: install "chromium" and "fonts-noto-cjk" by hand.');
    process.exit(1);
  }
  return CHROMIUM;
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium();
