import { importTelephonyFromPhp, importTelephonyFromXml, parseTelephony, serializeConfig, toTelephonyParameters, validateConfig, type AppConfig, type ConfigIssue } from '../../../shared/config';
import type { InvokeArgs, InvokeResult } from '../../../shared/contract/contract';
import type { SettingsView } from '../../../shared/contract/settings';
import { createItopClient } from '../itop';
import { saveConfig } from '../config/save-config';
import { checkConnection } from './connection-check';
import type { DemoSwitch } from './demo-switch';
import { itopAuthOf } from './lookup-kit';
import { secretStorageWarning, syncSecrets, withoutSecrets, type SecretStore } from './secret-port';
import { secretsAfterUrlChange, storedSecretsForTest } from './secret-url-rule';

/**
 * Where the settings live: the file saveConfig writes, the issues found when it was loaded, and (desktop
 * only) the secret store that holds the iTop password and token instead of the file. Without `secrets`
 * (web mode, CLI) they stay in config.json or come from the environment, as before.
 */
export interface SettingsPort {
  readonly file: string;
  readonly issues: readonly ConfigIssue[];
  readonly secrets?: SecretStore;
}

export function toSettingsView(config: AppConfig, issues: readonly ConfigIssue[], intakePort: number, demo?: DemoSwitch): SettingsView {
  const { itop, phone, cti } = config;
  return {
    ...(demo?.available ? { demo: demo.isDemo(config) ? ('active' as const) : ('available' as const) } : {}),
    itop: { url: itop.url, authMode: itop.auth, user: itop.user, hasPassword: itop.password !== '', hasToken: itop.token !== '' },
    phone: { defaultRegion: phone.defaultRegion, outsideLinePrefix: phone.outsideLinePrefix, extensionPattern: phone.extensionPattern, suffixDigits: phone.suffixDigits },
    cti: { port: intakePort, token: cti.token, threeCxUrl: `http://127.0.0.1:${intakePort}/call?phone=%CallerNumber%&name=%CallerDisplayName%` },
    ui: { language: config.ui.language },
    dialShortcut: { accelerator: config.dial.shortcut, dialsAtOnce: config.dial.shortcutDialsAtOnce },
    dial: { method: config.dial.method, format: config.dial.format, osScheme: config.dial.osScheme },
    telephony: toTelephonyParameters(config.telephony),
    issues: issues.map((i) => ({ path: i.path, severity: i.severity, message: i.message })),
  };
}

/**
 * settings:* handlers. Updates are validated like a config file (one bad value never breaks the rest) and
 * saved atomically, then applied by the running companion at once (setCurrent → companion reconfigure).
 */
export interface SettingsHandlerDeps {
  /** The running configuration (the demo's iTop while the demo runs). */
  current: () => AppConfig;
  setCurrent: (c: AppConfig, issues: readonly ConfigIssue[]) => void;
  port?: SettingsPort;
  intakePort: () => number;
  issues: () => readonly ConfigIssue[];
  demo?: DemoSwitch;
}

export function createSettingsHandlers(deps: SettingsHandlerDeps) {
  const view = async (config: AppConfig, issues: readonly ConfigIssue[]): Promise<SettingsView> => {
    const plain = toSettingsView(config, issues, deps.intakePort(), deps.demo);
    const secrets = deps.port?.secrets;
    const warning = secrets ? await secretStorageWarning(secrets) : undefined;
    return warning === undefined ? plain : { ...plain, secretStorageWarning: warning };
  };
  return {
    'settings:get': async (): Promise<SettingsView> => view(deps.current(), deps.issues()),

    'settings:update': async (...[patch]: InvokeArgs<'settings:update'>): Promise<SettingsView> => {
      if (!deps.port) throw new Error('Settings are read-only here: the companion was started without a configuration file.');
      // What the file holds: the agent's own iTop settings, never the demo simulator's.
      const base = deps.demo?.toSave(deps.current()) ?? deps.current();
      const raw = serializeConfig(base) as Record<string, Record<string, unknown>>;
      const merged: Record<string, unknown> = {
        ...raw,
        // A new URL without the secret typed again drops the saved one: secrets never follow a URL.
        itop: secretsAfterUrlChange({ ...raw['itop'], ...(patch.itop ? { ...patch.itop, auth: patch.itop.authMode ?? raw['itop']?.['auth'] } : {}) }, patch.itop, base.itop.url),
        phone: { ...raw['phone'], ...(patch.phone ?? {}) },
        ui: { ...raw['ui'], ...(patch.ui ?? {}) },
        dial: {
          ...raw['dial'],
          ...(patch.dial ?? {}),
          ...(patch.dialShortcut?.accelerator !== undefined ? { shortcut: patch.dialShortcut.accelerator.trim() } : {}),
          ...(patch.dialShortcut?.dialsAtOnce !== undefined ? { shortcutDialsAtOnce: patch.dialShortcut.dialsAtOnce } : {}),
        },
        ...(patch.telephony !== undefined ? { telephony: patch.telephony } : {}),
      };
      delete (merged['itop'] as Record<string, unknown>)['authMode'];
      const validated = validateConfig(merged, { agentTimeZone: deps.current().itop.serverTimeZone, generateToken: () => deps.current().cti.token });
      // A file keeps working with a bad value replaced by its default; an edit is refused instead, with the
      // reason, and nothing is saved or applied (the running companion keeps its configuration).
      const known = new Set(deps.issues().map((i) => `${i.path}\u0000${i.message}`));
      const introduced = validated.issues.filter((i) => i.severity === 'error' && !known.has(`${i.path}\u0000${i.message}`));
      if (introduced.length > 0) throw new Error(`Not saved: ${introduced.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
      // With a secret store (desktop), the secrets go there first and config.json never holds them: a
      // password that was not stored safely must not look saved, so a store failure refuses the change.
      if (deps.port.secrets) {
        const stored = await syncSecrets(deps.port.secrets, validated.config.itop);
        if (!stored.ok) throw new Error(stored.error.message);
      }
      const saved = await saveConfig(deps.port.file, deps.port.secrets ? withoutSecrets(validated.config) : validated.config);
      if (!saved.ok) throw new Error(saved.error.message);
      const running = deps.demo?.toRun(validated.config, patch.itop !== undefined) ?? validated.config;
      deps.setCurrent(running, validated.issues);
      return view(running, validated.issues);
    },

    'settings:start-demo': async (): Promise<SettingsView> => {
      if (!deps.demo?.available) throw new Error('This installation has no built-in iTop simulator (installers do not ship it).');
      const entered = await deps.demo.enter(deps.current());
      if (!entered.ok) throw new Error(`The demo could not start: ${entered.error.message}`);
      deps.setCurrent(entered.value, deps.issues());
      return view(entered.value, deps.issues());
    },

    'settings:test-connection': async (...[test]: InvokeArgs<'settings:test-connection'>): Promise<InvokeResult<'settings:test-connection'>> => {
      const stored = deps.current().itop;
      const secrets = storedSecretsForTest(test, stored);
      if ('refused' in secrets) return { ok: false, message: secrets.refused };
      const { password, token } = secrets;
      const auth = itopAuthOf({ ...stored, auth: test.authMode, user: test.user ?? stored.user, password, token });
      const client = createItopClient({ url: test.url, auth, timeoutMs: Math.min(stored.timeoutMs, 15_000) });
      const status = await checkConnection(client, test.url);
      if (status.state === 'connected') {
        const who = status.identity ? `Connected as ${status.identity.name}${status.identity.organization ? ` (${status.identity.organization})` : ''}.` : status.message ?? 'Connected.';
        return { ok: true, message: who, ...(status.identity ? { identity: status.identity } : {}) };
      }
      return { ok: false, message: status.message ?? `iTop is ${status.state}.` };
    },

    'settings:import-telephony': async (...[input]: InvokeArgs<'settings:import-telephony'>): Promise<InvokeResult<'settings:import-telephony'>> => {
      if (input.format === 'json') {
        let data: unknown;
        try {
          data = JSON.parse(input.text);
        } catch (e) {
          return { telephony: null, issues: [{ path: '', severity: 'error', message: `Not valid JSON: ${(e as Error).message}` }] };
        }
        const parsed = parseTelephony(data);
        return { telephony: toTelephonyParameters(parsed.telephony), issues: parsed.issues };
      }
      const imported = input.format === 'php' ? importTelephonyFromPhp(input.text) : importTelephonyFromXml(input.text);
      if (!imported.ok) return { telephony: null, issues: [{ path: '', severity: 'error', message: imported.error.message }] };
      return { telephony: toTelephonyParameters(imported.value.telephony), issues: imported.value.issues };
    },
  };
}
