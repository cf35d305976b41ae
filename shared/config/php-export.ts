import { MODULE_CODE } from './import-common';
import type { TelephonyConfig } from './telephony';
import { toTelephonyParameters } from './telephony-parameters';

/** A PHP single-quoted literal: only `\` and `'` need escaping there. */
export function phpString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function phpValue(value: unknown, indent: string): string {
  if (typeof value === 'string') return phpString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (value === null || value === undefined) return 'null';
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return 'array ()';
  const inner = `${indent}  `;
  const lines = entries.map(([key, item]) => `${inner}${typeof key === 'number' ? key : phpString(key)} => ${phpValue(item, inner)},`);
  return `array (\n${lines.join('\n')}\n${indent})`;
}

/**
 * The block as an admin pastes it into config-itop.php's module settings (`$MyModuleSettings`), in the
 * layout iTop itself writes (var_export style). importTelephonyFromPhp reads it back to the same config.
 */
export function exportTelephonyToPhp(telephony: TelephonyConfig): string {
  return `${phpString(MODULE_CODE)} => ${phpValue(toTelephonyParameters(telephony), '')},\n`;
}
