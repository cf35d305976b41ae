import type { z } from 'zod';
import { APP_SECTIONS } from './app-config-schema';
import type { AppConfig } from './app-config';
import { describeValue, issue, type ConfigIssue } from './issues';
import { checkTelephonyOql } from './oql-checks';
import { isPlainObject, ownValue } from './plain-data';
import { parseWithFallback } from './repair';
import { parseTelephony } from './telephony';
import { toTelephonyParameters } from './telephony-parameters';

export interface ValidateOptions {
  /** The agent's IANA zone, default for itop.serverTimeZone (injected so tests do not depend on the host). */
  readonly agentTimeZone?: string;
  /** Makes a bridge token when the file has none (injected: shared/ has no Node crypto). */
  readonly generateToken?: () => string;
}

export interface ValidatedConfig {
  readonly config: AppConfig;
  readonly issues: ConfigIssue[];
}

const MIN_TOKEN_LENGTH = 16;

/**
 * Reads any value as the app's configuration and never throws: what is invalid is replaced by its default
 * (error issue), what is unknown is ignored (warning issue), and the rest is kept.
 */
export function validateConfig(raw: unknown, options: ValidateOptions = {}): ValidatedConfig {
  const issues: ConfigIssue[] = [];
  let source: Record<string, unknown> = {};
  if (isPlainObject(raw)) source = raw;
  else if (raw !== undefined) {
    issues.push(issue('', 'error', `the configuration must be a JSON object (got ${describeValue(raw)}); all defaults are used`));
  }
  const known = new Set<string>([...Object.keys(APP_SECTIONS), 'telephony', '$comment']);
  for (const key of Object.keys(source)) {
    if (!known.has(key)) issues.push(issue(key, 'warning', `unknown section "${key}" is ignored`));
  }
  if (source['$comment'] !== undefined && typeof source['$comment'] !== 'string') {
    issues.push(issue('$comment', 'warning', 'a $comment should be a string; it is ignored'));
  }

  const read = <S extends z.ZodType>(schema: S, key: string): z.output<S> => {
    const repaired = parseWithFallback(schema, ownValue(source, key) ?? {}, key);
    issues.push(...repaired.issues);
    return repaired.value;
  };

  const itop = read(APP_SECTIONS.itop, 'itop');
  const cti = read(APP_SECTIONS.cti, 'cti');
  const parsedTelephony = parseTelephony(ownValue(source, 'telephony') ?? {}, 'telephony');
  const checkedTelephony = checkTelephonyOql(parsedTelephony.telephony, 'telephony');
  const comment = ownValue(source, '$comment');

  const config: AppConfig = {
    ...(typeof comment === 'string' ? { $comment: comment } : {}),
    itop: { ...itop, serverTimeZone: itop.serverTimeZone ?? options.agentTimeZone ?? agentTimeZone() },
    cti: { ...cti, token: bridgeToken(cti.token, options, issues) },
    web: read(APP_SECTIONS.web, 'web'),
    phone: read(APP_SECTIONS.phone, 'phone'),
    index: read(APP_SECTIONS.index, 'index'),
    lists: read(APP_SECTIONS.lists, 'lists'),
    journal: read(APP_SECTIONS.journal, 'journal'),
    dial: read(APP_SECTIONS.dial, 'dial'),
    ui: read(APP_SECTIONS.ui, 'ui'),
    forms: read(APP_SECTIONS.forms, 'forms'),
    calls: read(APP_SECTIONS.calls, 'calls'),
    telephony: checkedTelephony.telephony,
  };
  issues.push(...parsedTelephony.issues, ...checkedTelephony.issues, ...crossChecks(config));
  return { config, issues };
}

/** The config as our JSON file stores it: the telephony block back in the extension's own form. */
export function serializeConfig(config: AppConfig): Record<string, unknown> {
  return { ...config, telephony: toTelephonyParameters(config.telephony) };
}

function bridgeToken(configured: string | undefined, options: ValidateOptions, issues: ConfigIssue[]): string {
  if (configured !== undefined && configured !== '') {
    if (configured.length < MIN_TOKEN_LENGTH) {
      issues.push(issue('cti.token', 'warning', `is shorter than ${MIN_TOKEN_LENGTH} characters: easy to guess for any local program`));
    }
    return configured;
  }
  try {
    const generated = (options.generateToken ?? randomToken)();
    issues.push(issue('cti.token', 'warning', 'no bridge token configured: a new one was generated; save the config and give it to the CTI bridge'));
    return generated;
  } catch (caught) {
    issues.push(issue('cti.token', 'error', `no bridge token configured and none could be generated (${String(caught)}); the bridge cannot connect`));
    return '';
  }
}

function crossChecks(config: AppConfig): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  const { itop } = config;
  if (itop.url !== '' && itop.auth === 'token' && itop.token === '') {
    out.push(issue('itop.token', 'error', 'itop.auth is "token" but no token is set: iTop will refuse every call'));
  }
  if (itop.url !== '' && itop.auth === 'password' && itop.user === '') {
    out.push(issue('itop.user', 'warning', 'no iTop user set (and no token): iTop will refuse every call'));
  }
  if (itop.basicAuth && itop.password.includes(':')) {
    // iTop splits the decoded Basic credentials on ':' (itop-rest.md §1.3).
    out.push(issue('itop.password', 'error', 'contains ":", which iTop cannot read with Basic auth; set basicAuth to false'));
  }
  if (config.web.port === config.cti.port) {
    out.push(issue('web.port', 'error', `is the same as cti.port (${config.cti.port}): one of the two servers cannot start`));
  }
  return out;
}

function agentTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

interface MinimalCrypto {
  getRandomValues(array: Uint8Array): Uint8Array;
}

function randomToken(): string {
  const cryptoApi = (globalThis as { crypto?: MinimalCrypto }).crypto;
  if (!cryptoApi) throw new Error('No Web Crypto available: pass ValidateOptions.generateToken');
  const bytes = cryptoApi.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
