/**
 * Implements the OQL evaluator's ports (oql/ports.ts) on top of the store, and runs queries for
 * the REST operations. Rows handed to the evaluator wrap stored objects, so results map back directly.
 */
import type { StoredObject } from './model/types';
import type { OqlContext, OqlDataSource, OqlOutcome, OqlRow, OqlSchema } from './oql/ports';
import { toNumber } from './oql/values';
import type { CallContext, OqlRunner } from './rest/context';
import type { Reader } from './store/read';
import type { Store } from './store/store';

export type ExecuteOql = (text: string, schema: OqlSchema, data: OqlDataSource, ctx: OqlContext) => OqlOutcome;

class RowView implements OqlRow {
  constructor(readonly obj: StoredObject, private readonly reader: Reader) {}
  get id(): number {
    return this.obj.id;
  }
  get finalClass(): string {
    return this.obj.finalClass;
  }
  get(code: string): string | number | null {
    return this.reader.oql(this.obj, code);
  }
}

export function createOqlSchema(store: Store): OqlSchema {
  const { schema } = store;
  return {
    classExists: (name) => schema.classExists(name),
    isA: (cls, ancestor) => schema.isA(cls, ancestor),
    filterCodes: (cls) => schema.filterCodes(cls),
    externalKeyTarget: (cls, code) => {
      const attr = schema.classExists(cls) ? schema.attr(cls, code) : undefined;
      return attr?.type === 'extkey' ? attr.target : undefined;
    },
    classNames: () => schema.classNames(),
  };
}

export function createOqlRunner(store: Store, reader: Reader, execute: ExecuteOql): OqlRunner {
  const oqlSchema = createOqlSchema(store);
  const data: OqlDataSource = {
    *rowsOf(cls) {
      for (const obj of store.rowsOf(cls)) yield new RowView(obj, reader);
    },
    rowById(cls, id) {
      const obj = store.get(cls, id);
      return obj ? new RowView(obj, reader) : undefined;
    },
    *rowsByKey(cls, code, id) {
      // The store indexes stored external keys only; anything else is filtered the way the evaluator would.
      if (store.schema.classExists(cls) && store.schema.attr(cls, code)?.type === 'extkey') {
        for (const obj of store.rowsByKey(cls, code, id)) yield new RowView(obj, reader);
        return;
      }
      for (const obj of store.rowsOf(cls)) {
        const value = reader.oql(obj, code);
        if (value !== null && toNumber(value) === id) yield new RowView(obj, reader);
      }
    },
  };
  return {
    run(query, call) {
      const outcome = execute(query, oqlSchema, data, oqlContext(call));
      if (!outcome.ok) return outcome;
      const objects: StoredObject[] = [];
      for (const row of outcome.rows) {
        const obj = row instanceof RowView ? row.obj : store.get(row.finalClass, row.id);
        if (obj) objects.push(obj);
      }
      return { ok: true, selectedClass: outcome.selectedClass, objects };
    },
  };
}

/** The magic placeholders: the logged-in User and its Person (empty for an application token). */
function oqlContext(call: CallContext): OqlContext {
  const { user, reader, store } = call;
  const currentUser: Record<string, string | number> = {};
  const currentContact: Record<string, string | number> = {};
  let currentContactId = 0;
  if (user) {
    currentUser.id = user.id;
    for (const code of store.schema.filterCodes(user.finalClass)) {
      const v = reader.oql(user, code);
      if (v !== null) currentUser[code] = v;
    }
    const contactId = user.values.contactid;
    const contact = typeof contactId === 'number' ? store.get('Person', contactId) : undefined;
    if (contact) {
      currentContactId = contact.id;
      for (const code of store.schema.filterCodes(contact.finalClass)) {
        const v = reader.oql(contact, code);
        if (v !== null) currentContact[code] = v;
      }
    }
  }
  return { currentContactId, currentUser, currentContact };
}
