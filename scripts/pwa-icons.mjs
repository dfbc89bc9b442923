#!/usr/bin/env node
// Draws the app's icons (the installable PWA's, the favicon, the Apple touch icon) from one SVG
// mark and writes them to packages/web/public/icons/, which Vite copies into the build. The PNGs
// are rendered by the system Chromium through playwright-core: nothing is downloaded.
// Run it after changing the mark, and commit what it writes:  node scripts/pwa-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const OUT = fileURLToPath(new URL('../packages/web/public/icons/', import.meta.url));

// The app's colours (packages/web/src/styles/app.css): --navy, and --focus-on-dark for the accent.
const NAVY = '#173f5f';
const WHITE = '#ffffff';
const ACCENT = '#ffd34d';

/**
 * The mark on a 512 x 512 canvas, centred on (256, 256): a council hall (pediment, four
 * columns, steps) with a ballot tick in the pediment. `scale` shrinks it about the centre.
 */
function mark(scale) {
  return `<g transform="translate(256 256) scale(${scale}) translate(-256 -256)">
    <path d="M256 92 L404 178 H108 Z" fill="${WHITE}"/>
    <path d="M226 150 l22 18 l40 -40" fill="none" stroke="${NAVY}" stroke-width="16" stroke-linecap="round" stroke-linejoin="round"/>
    <rect x="120" y="190" width="272" height="26" rx="4" fill="${WHITE}"/>
    <rect x="142" y="228" width="34" height="124" rx="5" fill="${WHITE}"/>
    <rect x="204" y="228" width="34" height="124" rx="5" fill="${WHITE}"/>
    <rect x="274" y="228" width="34" height="124" rx="5" fill="${WHITE}"/>
    <rect x="336" y="228" width="34" height="124" rx="5" fill="${WHITE}"/>
    <rect x="120" y="364" width="272" height="24" rx="4" fill="${WHITE}"/>
    <rect x="96" y="398" width="320" height="24" rx="4" fill="${ACCENT}"/>
  </g>`;
}

const svg = (body) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">${body}</svg>\n`;

/** A rounded tile: the favicon and the icons shown as they are ("any"). */
const ANY = svg(`<rect width="512" height="512" rx="112" fill="${NAVY}"/>${mark(1)}`);

/**
 * Full bleed, the mark inside the central circle of 40 % radius that every launcher's mask keeps
 * ("maskable"); Apple's touch icon is square as well, and iOS rounds it itself.
 */
const MASKABLE = svg(`<rect width="512" height="512" fill="${NAVY}"/>${mark(0.72)}`);

const PNGS = [
  { file: 'icon-192.png', source: ANY, size: 192 },
  { file: 'icon-512.png', source: ANY, size: 512 },
  { file: 'icon-maskable-512.png', source: MASKABLE, size: 512 },
  { file: 'apple-touch-icon.png', source: MASKABLE, size: 180 },
];

mkdirSync(OUT, { recursive: true });
writeFileSync(`${OUT}icon.svg`, ANY);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  for (const { file, source, size } of PNGS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const src = `data:image/svg+xml;base64,${Buffer.from(source).toString('base64')}`;
    await page.setContent(
      `<body style="margin:0"><img src="${src}" width="${size}" height="${size}" alt=""></body>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    // Transparent outside the tile's rounded corners.
    const png = await page.screenshot({ omitBackground: true });
    writeFileSync(`${OUT}${file}`, png);
    await page.close();
    process.stdout.write(`wrote ${file} (${String(size)} x ${String(size)})\n`);
  }
} finally {
  await browser.close();
}
process.stdout.write(`wrote icon.svg\n`);
