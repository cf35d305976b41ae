import { Engine } from 'php-parser';
import { fail, ok, type Result } from '../result';
import { issue, joinPath } from './issues';
import { phpNodeToValue, SKIPPED, type PhpNode, type PhpValueProblem } from './php-value';
import { isPlainObject } from './plain-data';
import { MAX_IMPORT_CHARS, MODULE_CODE, TELEPHONY_KEYS, type TelephonyImport } from './import-common';
import { parseTelephony } from './telephony';
import { checkTelephonyOql } from './oql-checks';


/**
 * Reads the extension's parameters from what an admin copies out of config-itop.php: the whole file, its
 * `$MyModuleSettings`/'module_settings' part, the `'combodo-telephony-integration' => array(...)` entry, or
 * the bare `array(...)` / `[...]`. Pure JS (php-parser), no PHP is executed. Never throws.
 */
export function importTelephonyFromPhp(text: string): Result<TelephonyImport> {
  if (typeof text !== 'string' || text.trim() === '') return fail('config.php_empty', 'The PHP text is empty.');
  if (text.length > MAX_IMPORT_CHARS) return fail('config.php_too_large', `The PHP text is over ${MAX_IMPORT_CHARS} characters.`);
  const parsed = parsePhp(text);
  if (!parsed.ok) return parsed;
  const found = findTelephonyNode(parsed.value);
  if (!found) {
    return fail('config.php_no_telephony',
      `No '${MODULE_CODE}' entry found, and the PHP array does not look like its parameters (expected keys such as ${TELEPHONY_KEYS.slice(0, 3).join(', ')}).`);
  }
  const problems: PhpValueProblem[] = [];
  let raw: unknown;
  try {
    raw = phpNodeToValue(found, [], problems);
  } catch (caught) {
    return fail('config.php_unreadable', `The PHP array could not be read: ${String(caught)}`);
  }
  if (raw === SKIPPED || !isPlainObject(raw)) {
    return fail('config.php_not_array', `'${MODULE_CODE}' must be an array of parameters${problems[0] ? ` (line ${problems[0].line ?? '?'}: ${problems[0].message})` : ''}.`);
  }
  const conversion = problems.map((p) =>
    issue(joinPath('telephony', p.path), 'error', `${p.line === undefined ? '' : `line ${p.line}: `}${p.message}`));
  const read = parseTelephony(raw);
  const checked = checkTelephonyOql(read.telephony);
  return ok({ telephony: checked.telephony, issues: [...conversion, ...read.issues, ...checked.issues] });
}

function parsePhp(text: string): Result<PhpNode> {
  const engine = new Engine({ parser: { extractDoc: false, suppressErrors: false }, ast: { withPositions: true } });
  const attempt = (code: string): Result<PhpNode> => {
    try {
      return ok(engine.parseCode(code, 'config-itop.php') as unknown as PhpNode);
    } catch (caught) {
      const message = caught instanceof Error ? caught.message : String(caught);
      return fail('config.php_syntax', `PHP syntax error: ${message}`);
    }
  };
  if (/<\?php/i.test(text)) return attempt(text);
  // Fragments: wrappers stay on the first line so php-parser's line numbers match the admin's text.
  const body = text.trim().replace(/[,;\s]+$/, '');
  const asExpression = attempt(`<?php return ${body};`);
  if (asExpression.ok) return asExpression;
  const asEntries = attempt(`<?php return array(${body}\n);`);
  if (asEntries.ok) return asEntries;
  return /^\s*['"]/.test(body) ? asEntries : asExpression;
}

/** Depth-first: the first array entry keyed by the module code, else the outermost array if it looks like the block. */
function findTelephonyNode(root: PhpNode): PhpNode | null {
  let outermostArray: PhpNode | null = null;
  const stack: unknown[] = [root];
  let visited = 0;
  while (stack.length > 0 && visited++ < 1_000_000) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
      continue;
    }
    if (!isNode(node)) continue;
    if (node.kind === 'array' && outermostArray === null) outermostArray = node;
    if (node.kind === 'entry' && isNode(node['key']) && node['key'].kind === 'string' && node['key']['value'] === MODULE_CODE) {
      return node['value'] as PhpNode;
    }
    for (const [key, child] of Object.entries(node).reverse()) if (key !== 'loc') stack.push(child);
  }
  if (outermostArray && looksLikeTelephony(outermostArray)) return outermostArray;
  return null;
}

const isNode = (value: unknown): value is PhpNode => isPlainObject(value) && typeof value['kind'] === 'string';

function looksLikeTelephony(array: PhpNode): boolean {
  const items = (array['items'] as unknown[] | undefined) ?? [];
  return items.some((item) => isNode(item) && isNode(item['key']) && TELEPHONY_KEYS.includes(String(item['key']['value'])));
}
