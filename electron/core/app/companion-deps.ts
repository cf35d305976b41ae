import type { AppConfig } from '../../../shared/config/app-config';
import type { Log } from '../intake/log';
import type { DemoSwitchDeps } from './demo-switch';
import type { RecheckTimers } from './itop-health';
import type { SettingsPort } from './settings-handlers';

/** What a host (Electron shell, web mode, CLI, tests) gives the companion. */
export interface CompanionDeps {
  readonly config: AppConfig;
  readonly dataDir: string;
  readonly clock?: { now(): number };
  readonly log?: Log;
  readonly fetch?: typeof fetch;
  /** The agent's language for localized labels; default from config.ui.language, else the host locale. */
  readonly language?: string;
  /** Port of the intake server; default config.cti.port (0 = any free port, for tests). */
  readonly intakePort?: number;
  /** Reads and writes the configuration file (settings:*); without it, settings are read-only. */
  readonly settings?: SettingsPort;
  /** Brings the main window and a call to the front (the desktop reveals its window); default: 'call:focus'. */
  readonly showCall?: (callId: string) => void;
  /** Opens an iTop page in the agent's browser (the Electron shell injects shell.openExternal). */
  readonly openUrl?: (url: string) => Promise<void>;
  /** Hands a dial URL or tel:/callto:/sip: URI to the OS (dial methods `url` and `os`). */
  readonly openExternal?: (url: string) => Promise<void>;
  /**
   * The built-in simulator with demo data: started by the host already (seen as 'demo' in the status instead of
   * 'connected'), and/or how to start it when the agent asks from the settings.
   */
  readonly demo?: DemoSwitchDeps;
  /** How often calls the dialer placed are checked for logging when no event comes (default 15 s). */
  readonly sweepEveryMs?: number;
  /** Timers of the iTop re-checks while not connected (tests fire them by hand); default setTimeout, unref'd. */
  readonly timers?: RecheckTimers;
  /** Backoff of those re-checks; default 30 s doubling up to 5 min. */
  readonly recheck?: { readonly firstRetryMs?: number; readonly maxRetryMs?: number };
}
