import { defineConfig } from '@playwright/test';

/**
 * Browser end-to-end tests against web mode: the real simulator and the real companion as processes,
 * Debian's Chromium (never a downloaded browser). Screenshots of the main states go to e2e/artifacts/.
 */
export default defineConfig({
  testDir: './browser',
  outputDir: './artifacts/results',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 420, height: 860 },
    locale: 'en-US',
    colorScheme: 'light',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
