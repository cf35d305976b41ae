import { defineConfig } from '@playwright/test';

/**
 * `npx playwright test --config e2e/electron/playwright.config.ts`: the real Electron app through
 * Playwright's `_electron`. Needs the Electron binary (and a display: xvfb-run on Linux CI); without it
 * every spec is skipped with the reason. Launch an unfused build: Playwright needs EnableNodeCliInspectArguments.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../artifacts/electron-results',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
});
