/**
 * Reading values off stored objects: computed names, external fields, magic attributes, and the
 * two shapes iTop exposes them in: REST JSON (AttributeDef::GetForJSON) and OQL comparison values.
 */
import type { FieldRef } from '../model/schema';
import type { AttrDef, BlobValue, CaseLogEntry, LinkRow, StoredObject } from '../model/types';
import type { Store } from './store';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

export interface Reader {
  friendlyname(obj: StoredObject): string;
  isObsolete(obj: StoredObject): boolean;
  target(obj: StoredObject, key: AttrDef): StoredObject | undefined;
  json(obj: StoredObject, field: FieldRef): JsonValue;
  /** Value for OQL: strings, numbers for ids / keys / flags, null when SQL would see NULL. */
  oql(obj: StoredObject, code: string): string | number | null;
}

export function createReader(store: Store): Reader {
  const { schema } = store;

  const target = (obj: StoredObject, key: AttrDef): StoredObject | undefined => {
    const id = obj.values[key.code];
    return typeof id === 'number' && id > 0 && key.target ? store.get(key.target, id) : undefined;
  };

  const raw = (obj: StoredObject, code: string): unknown => {
    const attr = schema.attr(obj.finalClass, code);
    if (attr?.type === 'extfield' && attr.via) {
      const keyAttr = schema.attr(obj.finalClass, attr.via.key);
      const t = keyAttr ? target(obj, keyAttr) : undefined;
      return t ? raw(t, attr.via.remote) : undefined;
    }
    return obj.values[code];
  };

  const friendlyname = (obj: StoredObject): string => {
    if (schema.isA(obj.finalClass, 'User')) {
      const keyAttr = schema.attr(obj.finalClass, 'contactid');
      const contact = keyAttr ? target(obj, keyAttr) : undefined;
      return contact ? friendlyname(contact) : String(obj.values.login ?? '');
    }
    return schema.naming(obj.finalClass).map((code) => String(raw(obj, code) ?? '')).join(' ');
  };

  const isObsolete = (obj: StoredObject): boolean => {
    const rule = schema.obsoleteWhen(obj.finalClass);
    return rule !== undefined && obj.values[rule.code] === rule.value;
  };

  const json = (obj: StoredObject, field: FieldRef): JsonValue => {
    if (field.magic) {
      const t = field.key ? target(obj, field.key) : undefined;
      switch (field.magic) {
        case 'finalclass': return obj.finalClass;
        case 'friendlyname': return friendlyname(obj);
        case 'obsolescence_flag': return isObsolete(obj);
        case 'obsolescence_date': return String(obj.values.obsolescence_date ?? '');
        case 'ek_friendlyname': return t ? friendlyname(t) : '';
        // An external field of a Boolean: (string)true is "1", (string)false is "".
        case 'ek_obsolescence_flag': return t && isObsolete(t) ? '1' : '';
        case 'ek_finalclass_recall': return t ? t.finalClass : '';
      }
    }
    const { attr } = field;
    const v = obj.values[attr.code];
    switch (attr.type) {
      case 'enum': case 'metaenum': return v === null || v === undefined ? null : String(v);
      case 'extkey': return String(typeof v === 'number' ? v : 0);
      case 'extfield': { const r = raw(obj, attr.code); return r === undefined || r === null ? '' : String(r); }
      case 'caselog': return { entries: ((v ?? []) as readonly CaseLogEntry[]).map(caseLogEntryJson) };
      case 'linkset': return ((v ?? []) as readonly LinkRow[]).map((row) => ({ ...row }));
      case 'blob': { const b = v as BlobValue | null | undefined; return b ? { data: b.data, mimetype: b.mimetype, filename: b.filename, downloads_count: 0 } : null; }
      case 'stopwatch': return 0;
      case 'sw-deadline': return '';
      case 'sw-passed': return 'no';
      case 'sw-over': return null;
      default: return v === null || v === undefined ? '' : String(v);
    }
  };

  const oql = (obj: StoredObject, code: string): string | number | null => {
    if (code === 'id') return obj.id;
    const field = schema.field(obj.finalClass, code);
    if (!field) return null;
    if (field.magic) {
      const t = field.key ? target(obj, field.key) : undefined;
      switch (field.magic) {
        case 'finalclass': return obj.finalClass;
        case 'friendlyname': return friendlyname(obj);
        case 'obsolescence_flag': return isObsolete(obj) ? 1 : 0;
        case 'obsolescence_date': return null;
        case 'ek_friendlyname': return t ? friendlyname(t) : null;
        case 'ek_obsolescence_flag': return t ? (isObsolete(t) ? 1 : 0) : null;
        case 'ek_finalclass_recall': return t ? t.finalClass : null;
      }
    }
    // A case log is one text column in iTop's database, every entry behind its header line, newest first:
    // `private_log LIKE '%…%'` searches all of it (itop-rest.md §3.9.2).
    if (field.attr.type === 'caselog') return caseLogText((obj.values[code] ?? []) as readonly CaseLogEntry[]);
    const v = field.attr.type === 'extfield' ? raw(obj, code) : obj.values[code];
    if (v === undefined || v === null) return null;
    if (typeof v === 'number') return v;
    if (typeof v === 'string') return (field.attr.type === 'datetime' || field.attr.type === 'date') && v === '' ? null : v;
    return null;
  };

  return { friendlyname, isObsolete, target, json, oql };
}

function caseLogText(entries: readonly CaseLogEntry[]): string {
  return [...entries].reverse().map((e) => `========== ${e.date} : ${e.userLogin} (${e.userId}) ============\n\n${e.messageHtml}\n`).join('');
}

function caseLogEntryJson(e: CaseLogEntry): JsonValue {
  return { date: e.date, user_login: e.userLogin, user_id: e.userId, message: e.message, message_html: e.messageHtml };
}
