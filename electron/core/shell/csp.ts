/**
 * The renderer is loaded from file://, where only a `<meta http-equiv="Content-Security-Policy">` applies
 * (response headers do not exist). These checks run on renderer/index.html and on the built copy.
 */
export type CspDirectives = ReadonlyMap<string, readonly string[]>;

const META_CSP = /<meta\s[^>]*http-equiv\s*=\s*["']Content-Security-Policy["'][^>]*>/gi;
const CONTENT_ATTR = /\scontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i;

/** Every CSP meta tag's content attribute, in document order. */
export function findCspMeta(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(META_CSP) ?? []) {
    const content = CONTENT_ATTR.exec(tag);
    const value = content?.[1] ?? content?.[2];
    if (value !== undefined) found.push(value);
  }
  return found;
}

export function parseCsp(policy: string): CspDirectives {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    // The first occurrence of a directive wins (CSP level 3, §2.2.1); repeats are ignored by browsers.
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

const UNSAFE = ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", '*', 'data:', 'blob:', 'http:', 'https:'];

/** What is wrong with the page's CSP for a renderer that holds the agent's iTop session; [] = fine. */
export function rendererCspProblems(html: string): string[] {
  const metas = findCspMeta(html);
  if (metas.length === 0) return ['no <meta http-equiv="Content-Security-Policy"> tag: file:// pages get no CSP at all'];
  const problems: string[] = [];
  if (metas.length > 1) problems.push(`${metas.length} CSP meta tags: keep one so the policy is reviewable`);
  const csp = parseCsp(metas[0] ?? '');
  const scripts = csp.get('script-src') ?? csp.get('default-src');
  if (!csp.has('default-src')) problems.push("default-src is missing: everything not listed falls back to 'allow all'");
  if (!scripts) problems.push('neither script-src nor default-src is set');
  for (const source of scripts ?? []) if (UNSAFE.includes(source.toLowerCase())) problems.push(`script-src allows ${source}`);
  const objects = csp.get('object-src') ?? csp.get('default-src');
  if (!objects || !(objects.length === 1 && objects[0] === "'none'")) problems.push("object-src must be 'none'");
  if (!csp.has('base-uri')) problems.push('base-uri is missing: an injected <base> could redirect relative script URLs');
  return problems;
}
