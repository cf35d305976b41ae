import type { AppConfig, ConfigIssue } from '../../shared/config';
import { fail, ok, type Result } from '../../shared/result';
import { createCompanion } from '../core/app/companion';
import type { DemoLogin } from '../core/app/demo-switch';
import { formatLogEntry } from '../../shared/log/escape-for-log';
import { createWebHost } from '../web/web-host';
import { startDemoLogin } from './demo-itop';
import { ensureRendererBuilt } from './start-build';

export interface WebModeOptions {
  projectRoot: string;
  config: AppConfig;
  configFile?: string;
  configIssues: readonly ConfigIssue[];
  dataDir: string;
  port: number;
  /** Human-facing diagnostics (stderr). */
  log: (message: string) => void;
  /** false: no demo simulator when no iTop is configured (`--no-demo`); the UI opens the first-run setup. */
  demo?: boolean;
}

export interface RunningWebMode {
  readonly url: string;
  /** A fresh single-use sign-in URL. */
  signInUrl(): string;
  stop(): Promise<void>;
}

/**
 * Web mode end to end: renderer built, demo iTop started when none is configured, the companion (with its
 * CTI intake) running, and the UI served on loopback. stop() undoes all of it, simulator included.
 */
export async function startWebMode(o: WebModeOptions): Promise<Result<RunningWebMode>> {
  const built = await ensureRendererBuilt(o.projectRoot, o.log);
  if (!built.ok) return built;

  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((e: unknown) => o.log(`while stopping: ${String(e)}`));
  };

  // Started here when no iTop is configured, or later from the settings (the setup's "Try the demo"); stopped with us.
  const startDemo = (): Promise<Result<DemoLogin>> =>
    startDemoLogin((sim) => {
      stops.push(sim.stop);
      o.log(`Using the built-in simulator at ${sim.url} (demo data).`);
    });
  let config = o.config;
  let started: DemoLogin | undefined;
  if (config.itop.url === '' && o.demo !== false) {
    const sim = await startDemo();
    if (!sim.ok) return fail(sim.error.code, `no iTop is configured and the demo simulator could not start: ${sim.error.message}`);
    started = sim.value;
    config = { ...config, itop: { ...config.itop, url: started.url, auth: 'password', user: started.user, password: started.password } };
  }

  const companion = createCompanion({
    config,
    dataDir: o.dataDir,
    demo: { start: startDemo, ...(started ? { started: { login: started, own: o.config.itop } } : {}) },
    // The structured data (call ids, codes) goes on the same escaped line instead of being dropped.
    log: { info: (m, d) => o.log(formatLogEntry(m, d)), warn: (m, d) => o.log(`warning: ${formatLogEntry(m, d)}`) },
    ...(o.configFile ? { settings: { file: o.configFile, issues: o.configIssues } } : {}),
  });
  try {
    await companion.start();
  } catch (e) {
    await stopAll();
    return fail('start-failed', `the companion could not start: ${e instanceof Error ? e.message : String(e)}`);
  }
  stops.push(() => companion.stop());

  const host = await createWebHost({
    companion,
    port: o.port,
    staticDir: built.value,
    log: { info: o.log, warn: (m) => o.log(`warning: ${m}`), error: (m) => o.log(`error: ${m}`) },
  }).start();
  if (!host.ok) {
    await stopAll();
    return host;
  }
  stops.push(() => host.value.close());
  return ok({ url: host.value.url, signInUrl: host.value.signInUrl, stop: stopAll });
}
