import type { AppConfig } from '../../../shared/config/app-config';
import { fail, ok, type Result } from '../../../shared/result';

/** The login of the built-in simulator with demo data (its `cti` user). */
export interface DemoLogin {
  readonly url: string;
  readonly user: string;
  readonly password: string;
}

export interface DemoSwitchDeps {
  /** Starts the simulator (the host owns and stops its process); absent = this installation has none. */
  readonly start?: () => Promise<Result<DemoLogin>>;
  /** The host started it already (web mode with no iTop configured), in place of the agent's own iTop settings. */
  readonly started?: { readonly login: DemoLogin; readonly own: AppConfig['itop'] };
}

/**
 * The demo is the running configuration with the simulator's login in place of the agent's iTop settings, for
 * this run only: a save writes the agent's own iTop settings (never the simulator's random port and password)
 * and keeps the demo running unless it changes iTop.
 */
export interface DemoSwitch {
  readonly available: boolean;
  isDemo(config: AppConfig): boolean;
  /** The running configuration → the one to save. */
  toSave(running: AppConfig): AppConfig;
  /** A configuration just saved → the one to run. */
  toRun(saved: AppConfig, itopEdited: boolean): AppConfig;
  /** Starts the simulator (once) and gives the running configuration in demo. */
  enter(running: AppConfig): Promise<Result<AppConfig>>;
}

export function createDemoSwitch(deps: DemoSwitchDeps): DemoSwitch {
  let login = deps.started?.login;
  let starting: Promise<Result<DemoLogin>> | undefined;
  /** The agent's own iTop settings while the demo runs in their place. */
  let own = deps.started?.own;
  const isDemo = (config: AppConfig): boolean => login !== undefined && config.itop.url === login.url;
  const withDemo = (config: AppConfig, demo: DemoLogin): AppConfig => ({
    ...config,
    itop: { ...config.itop, url: demo.url, auth: 'password', user: demo.user, password: demo.password, token: '' },
  });
  return {
    available: deps.start !== undefined || deps.started !== undefined,
    isDemo,
    toSave: (running) => (isDemo(running) ? { ...running, itop: own ?? { ...running.itop, url: '', user: '', password: '' } } : running),
    toRun(saved, itopEdited) {
      if (!login || itopEdited || !own) return saved;
      own = saved.itop;
      return withDemo(saved, login);
    },
    async enter(running) {
      if (!login) {
        if (!deps.start) return fail('demo-unavailable', 'This installation has no built-in iTop simulator (installers do not ship it).');
        starting ??= deps.start().finally(() => {
          starting = undefined;
        });
        const started = await starting;
        if (!started.ok) return started;
        login ??= started.value;
      }
      if (!isDemo(running)) own = running.itop;
      return ok(withDemo(running, login));
    },
  };
}
