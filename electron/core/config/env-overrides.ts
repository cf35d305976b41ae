/**
 * Environment variables that override the file (CLI, web mode, CI, containers). Applied to the raw JSON
 * before validation, so a bad value (CTI_PORT=abc) is reported and replaced like any other.
 */
export const ENV_OVERRIDES = [
  { name: 'ITOP_URL', section: 'itop', key: 'url', type: 'string' },
  { name: 'ITOP_USER', section: 'itop', key: 'user', type: 'string' },
  { name: 'ITOP_PASSWORD', section: 'itop', key: 'password', type: 'string' },
  { name: 'ITOP_TOKEN', section: 'itop', key: 'token', type: 'string' },
  { name: 'CTI_TOKEN', section: 'cti', key: 'token', type: 'string' },
  { name: 'CTI_PORT', section: 'cti', key: 'port', type: 'integer' },
] as const;

export interface EnvOverrideResult {
  readonly raw: unknown;
  /** `name → config path` of each variable that was applied, e.g. { CTI_PORT: 'cti.port' }. */
  readonly applied: Readonly<Record<string, string>>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Returns a copy of `raw` with the set (non-empty) variables written in; `raw` itself is not modified. */
export function applyEnvOverrides(raw: unknown, env: Readonly<Record<string, string | undefined>>): EnvOverrideResult {
  const applied: Record<string, string> = {};
  if (!isObject(raw) && raw !== undefined) return { raw, applied };
  const out: Record<string, unknown> = { ...(raw ?? {}) };
  for (const o of ENV_OVERRIDES) {
    const value = env[o.name];
    if (value === undefined || value === '') continue;
    const current = out[o.section];
    const section: Record<string, unknown> = isObject(current) ? { ...current } : {};
    // A non-numeric port stays a string so validation reports it (and the default is used).
    section[o.key] = o.type === 'integer' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
    out[o.section] = section;
    applied[o.name] = `${o.section}.${o.key}`;
  }
  return { raw: out, applied };
}
