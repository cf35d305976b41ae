import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fail, ok, type Result } from '../result';
import { issue, joinPath, type ConfigIssue, type PathSegment } from './issues';
import { MAX_DEPTH } from './plain-data';
import { MAX_IMPORT_CHARS, MODULE_CODE, type TelephonyImport } from './import-common';
import { parseTelephony } from './telephony';
import { checkTelephonyOql } from './oql-checks';

/** fast-xml-parser's preserveOrder shape: `{ tag: children, ':@': attributes }` or `{ '#text': … }`. */
type XmlNode = Record<string, unknown>;
const ATTRS = ':@';
const TEXT = '#text';
const CDATA = '#cdata';
const SKIPPED = Symbol('skipped');

/**
 * Reads `<module_parameters><parameters id="combodo-telephony-integration">…` (alone or inside a whole
 * datamodel/itop_design file) the way iTop's compiler does: `type="hash"` → map by tag name, `type="array"`
 * → list in document order (`<class id="0">` items), `type="bool"`/`"int"` → typed scalars, else text.
 */
export function importTelephonyFromXml(text: string): Result<TelephonyImport> {
  if (typeof text !== 'string' || text.trim() === '') return fail('config.xml_empty', 'The XML text is empty.');
  if (text.length > MAX_IMPORT_CHARS) return fail('config.xml_too_large', `The XML text is over ${MAX_IMPORT_CHARS} characters.`);
  // Entity declarations are how XML bombs work, and iTop's files never need them.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return fail('config.xml_doctype', 'The XML must not contain a DOCTYPE or ENTITY declaration.');
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    return fail('config.xml_syntax', `XML syntax error at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  }
  let document: XmlNode[];
  try {
    document = new XMLParser({
      preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false,
      cdataPropName: CDATA, parseTagValue: false, parseAttributeValue: false, processEntities: true,
    }).parse(text) as XmlNode[];
  } catch (caught) {
    return fail('config.xml_syntax', `XML could not be read: ${caught instanceof Error ? caught.message : String(caught)}`);
  }
  const parameters = findParameters(document, 0);
  if (!parameters) return fail('config.xml_no_telephony', `No <parameters id="${MODULE_CODE}"> element found.`);

  const issues: ConfigIssue[] = [];
  const raw = hashValue(children(parameters), [], issues, 0);
  const read = parseTelephony(raw);
  const checked = checkTelephonyOql(read.telephony);
  return ok({ telephony: checked.telephony, issues: [...issues, ...read.issues, ...checked.issues] });
}

const tagOf = (node: XmlNode): string | undefined => Object.keys(node).find((key) => key !== ATTRS && key !== TEXT && key !== CDATA && !key.startsWith('?'));
const children = (node: XmlNode): XmlNode[] => {
  const tag = tagOf(node);
  const value = tag === undefined ? undefined : node[tag];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
};
const attribute = (node: XmlNode, name: string): string | undefined => {
  const attrs = node[ATTRS];
  const value = attrs && typeof attrs === 'object' ? (attrs as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : undefined;
};
const elements = (nodes: XmlNode[]) => nodes.filter((node) => tagOf(node) !== undefined);

function findParameters(nodes: XmlNode[], depth: number): XmlNode | null {
  if (depth > MAX_DEPTH) return null;
  for (const node of elements(nodes)) {
    if (tagOf(node) === 'parameters' && attribute(node, 'id') === MODULE_CODE) return node;
    const inside = findParameters(children(node), depth + 1);
    if (inside) return inside;
  }
  return null;
}

function textOf(nodes: XmlNode[]): string {
  return nodes.map((node) => {
    if (typeof node[TEXT] === 'string' || typeof node[TEXT] === 'number') return String(node[TEXT]);
    if (Array.isArray(node[CDATA])) return textOf(node[CDATA] as XmlNode[]);
    return '';
  }).join('');
}

function hashValue(nodes: XmlNode[], path: PathSegment[], issues: ConfigIssue[], depth: number): Record<string, unknown> {
  const entries = new Map<string, unknown>();
  for (const node of elements(nodes)) {
    const tag = tagOf(node) as string;
    if (entries.has(tag)) issues.push(issue(joinPath('telephony', [...path, tag]), 'warning', `<${tag}> appears twice; the last one is used`));
    const value = elementValue(node, [...path, tag], issues, depth + 1);
    if (value !== SKIPPED) entries.set(tag, value);
  }
  return Object.fromEntries(entries);
}

function elementValue(node: XmlNode, path: PathSegment[], issues: ConfigIssue[], depth: number): unknown {
  const where = joinPath('telephony', path);
  if (depth > MAX_DEPTH) {
    issues.push(issue(where, 'error', 'elements are nested too deep; left out'));
    return SKIPPED;
  }
  const type = attribute(node, 'type') ?? '';
  const inner = children(node);
  const text = textOf(inner);
  switch (type) {
    case 'hash':
      return hashValue(inner, path, issues, depth);
    case 'array':
      return elements(inner).map((item, index) => elementValue(item, [...path, index], issues, depth + 1)).filter((v) => v !== SKIPPED);
    case 'bool':
    case 'boolean': {
      const value = text.trim().toLowerCase();
      if (value === 'true' || value === '1') return true;
      if (value === 'false' || value === '0' || value === '') return false;
      issues.push(issue(where, 'error', `type="bool" needs true or false (got "${value.slice(0, 40)}"); left out`));
      return SKIPPED;
    }
    case 'int':
    case 'integer':
    case 'float': {
      const value = Number(text.trim());
      if (text.trim() !== '' && Number.isFinite(value)) return value;
      issues.push(issue(where, 'error', `type="${type}" needs a number (got "${text.trim().slice(0, 40)}"); left out`));
      return SKIPPED;
    }
    case '':
    case 'string':
      // An untyped element with child elements can only be meant as a hash.
      return type === '' && elements(inner).length > 0 ? hashValue(inner, path, issues, depth) : text;
    default:
      issues.push(issue(where, 'error', `unknown type="${type.slice(0, 40)}" (expected hash, array, bool, int or string); left out`));
      return SKIPPED;
  }
}
