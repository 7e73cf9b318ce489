#!/usr/bin/env node
// Draws the tab bar's icons (src/assets/tab/*.png, committed) from the SVG outlines below:
// `CHROMIUM_PATH=/usr/bin/chromium node client/scripts/make-tab-icons.mjs`.
// WeChat's tab bar takes only PNG/JPG icons (≤ 40 KB; 81 × 81 px is the recommended size), one
// picture per state, so each outline is rendered twice: grey when idle, brand colour when selected.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const OUT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tab');
const SIZE = 81;
const COLORS = { idle: '#8c8287', active: '#c2456b' }; // keep in step with app.config.ts tabBar colours

/** 24 × 24 outlines, stroked. */
const OUTLINES = {
  home: '<path d="M3 10.5 12 3l9 7.5"/><path d="M5.5 9v11h13V9"/><path d="M10 20v-6h4v6"/>',
  booking:
    '<rect x="3.5" y="5" width="17" height="15.5" rx="2.5"/><path d="M3.5 10h17M8 3v4M16 3v4"/><path d="m9 15 2 2 4-4"/>',
  mine: '<circle cx="12" cy="8" r="4"/><path d="M4 20.5c1.2-4 4.3-6 8-6s6.8 2 8 6"/>',
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
for (const [name, outline] of Object.entries(OUTLINES)) {
  for (const [state, color] of Object.entries(COLORS)) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="${SIZE}" height="${SIZE}"
      fill="none" stroke="${color}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${outline}</svg>`;
    await page.setContent(`<body style="margin:0;background:transparent">${svg}</body>`);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } });
    const file = path.join(OUT_DIR, `${name}${state === 'active' ? '-active' : ''}.png`);
    writeFileSync(file, png);
    console.log(`${path.relative(process.cwd(), file)}  ${png.length} bytes`);
  }
}
await browser.close();
