/**
 * `npm run itop-sim -- --port N …`: starts the simulator and prints exactly one line on stdout when
 * it is ready (spawn.ts waits for it). Errors go to stderr with a non-zero exit code.
 */
import { createSimulator } from './app';
import { parseSimArgs } from './cli-args';
import { REST_PATH } from './http/server';

async function main(): Promise<void> {
  const parsed = parseSimArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error.message}\n`);
    process.exit(2);
  }
  const options = parsed.value;
  const started = performance.now();
  const sim = createSimulator(options);
  const bindHost = options.host === 'localhost' ? '127.0.0.1' : options.host;
  const port = await sim.server.listen(options.port, bindHost);
  const host = bindHost === '::1' ? '[::1]' : bindHost;
  process.stdout.write(`itop-sim listening on http://${host}:${port}${REST_PATH}\n`);
  process.stderr.write(`itop-sim: ready in ${Math.round(performance.now() - started)} ms (${options.dataset} dataset, ${options.persons} generated persons)\n`);
  const stop = (): void => {
    // Open keep-alive connections can hold close() forever; the port must not outlive the parent.
    setTimeout(() => process.exit(0), 1_000).unref();
    void sim.server.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (process.env.ITOP_SIM_EXIT_WITH_STDIN === '1') {
    // Started by spawn.ts: when the parent (a test runner) dies, its pipe closes; do not outlive it.
    process.stdin.on('end', stop);
    process.stdin.on('close', stop);
    process.stdin.on('error', stop);
    process.stdin.resume();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`itop-sim: failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
