/**
 * Renders assets/logo.svg to the PNG sizes the Electron shell and packaging need (app icon, tray), with the
 * Chromium already on the machine (no image library, no download). Run: `npx tsx assets/render-icons.ts`.
 */
import { chromium } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const HERE = import.meta.dirname;
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

async function main(): Promise<void> {
  const svg = await readFile(join(HERE, 'logo.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg style="display:block;width:${size}px;height:${size}px" `)}</body></html>`);
      await page.screenshot({ path: join(HERE, `icon-${size}.png`), omitBackground: true });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(', ')}\n`);
}

void main();
