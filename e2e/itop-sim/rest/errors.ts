/**
 * How operations fail. A RestError is an iTop Exception: rest.php answers
 * {"code": <code, 100 when 0>, "message": "Error: <text>"} with no `objects` key.
 * A PhpFatal is a PHP Error that rest.php does not catch: the client gets a PHP error page.
 */
export class RestError extends Error {
  constructor(message: string, readonly code = 100) {
    super(message);
    this.name = 'RestError';
  }
}

export class PhpFatal extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'PhpFatal';
  }
}

/** RestUtils::GetMandatoryParam: PHP isset(), so null counts as missing. */
export function mandatoryParam(params: Record<string, unknown>, name: string): unknown {
  const v = params[name];
  if (v === undefined || v === null) throw new RestError(`Missing parameter '${name}'`);
  return v;
}

export function optionalParam(params: Record<string, unknown>, name: string, fallback: unknown): unknown {
  const v = params[name];
  return v === undefined || v === null ? fallback : v;
}

/** PHP's (string) cast for scalars, as used when iTop interpolates a value into a message. */
export function phpString(v: unknown): string {
  if (v === null || v === undefined || v === false) return '';
  if (v === true) return '1';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(14)));
  return Array.isArray(v) ? 'Array' : 'Object';
}

/** PHP 8 is_numeric for JSON-decoded values. */
export function isNumeric(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  return typeof v === 'string' && /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(v);
}

/** PHP (int) cast: leading integer part of strings, truncation of floats, 0 otherwise. */
export function phpInt(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? Math.trunc(v) : 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const m = /^\s*[+-]?\d+/.exec(v);
    return m ? parseInt(m[0], 10) : 0;
  }
  return 0;
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
