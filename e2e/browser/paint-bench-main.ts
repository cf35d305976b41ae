import { runPaintBench } from './paint-bench';

// `npx tsx e2e/browser/paint-bench-main.ts`: the browser half of `npm run bench` on its own.
runPaintBench().then(
  (report) => console.log(report),
  (e: unknown) => {
    console.error(`paint bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exitCode = 1;
  },
);
