// Renders images/icon.svg to the 128×128 images/icon.png the manifest names (vsce wants a PNG),
// with the Chromium the e2e setup installs: `node scripts/renderIcon.mjs` after editing the SVG.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
const svg = fs.readFileSync(process.argv[2] ?? "images/icon.svg", 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('width="256" height="256"', 'width="128" height="128"')}</body></html>`);
await page.screenshot({ path: process.argv[3] ?? "images/icon.png", omitBackground: true, clip: { x: 0, y: 0, width: 128, height: 128 } });
await browser.close();
