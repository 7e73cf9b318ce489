#!/usr/bin/env node
// The browser tests use Debian's chromium (playwright cannot download browsers here) and need CJK
// fonts, or every Chinese label renders as boxes in the screenshots. Installs what is missing with
// apt-get when we are root on Debian; otherwise stops with one clear line saying what to install.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FONTS_PACKAGE = 'fonts-noto-cjk';

function onPath(command) {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir !== '' && existsSync(path.join(dir, command)));
}

/**
 * true when a Chinese font is installed, false when none is, undefined when this machine cannot
 * tell (neither fontconfig nor dpkg): then we do not insist.
 */
export function hasCjkFonts() {
  if (onPath('fc-list')) {
    const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
    if (r.status === 0) return r.stdout.trim().length > 0;
  }
  if (onPath('dpkg-query')) {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', FONTS_PACKAGE], { encoding: 'utf8' });
    return r.status === 0 && r.stdout.includes('install ok installed');
  }
  return undefined;
}

export function ensureChromium() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (hasCjkFonts() === false) missing.push(FONTS_PACKAGE);
  if (missing.length === 0) return CHROMIUM;

  const isRoot = process.getuid?.() === 0;
  const what = missing.join(' ');
  if (!isRoot || !onPath('apt-get')) {
    const chromiumHint = missing.includes('chromium') ? ' or set CHROMIUM_PATH' : '';
    console.error(
      `The browser tests need Debian's ${missing.map((m) => `"${m}"`).join(' and ')}: sudo apt-get install -y ${what}${chromiumHint}.`,
    );
    process.exit(1);
  }
  console.log(`installing ${what} with apt-get for the browser tests…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env,
  });
  if (update.status !== 0 || install.status !== 0 || !existsSync(CHROMIUM) || hasCjkFonts() === false) {
    console.error(
      `Could not install ${what} with apt-get: install ${missing.map((m) => `"${m}"`).join(' and ')} by hand.`,
    );
    process.exit(1);
  }
  return CHROMIUM;
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium();
