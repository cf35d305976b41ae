import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../model/schema';
import type { StoredObject } from '../model/types';
import { createStore } from './store';

const schema = createSchema({ phoneCall: true });
const ids = (objs: Iterable<StoredObject>): number[] => [...objs].map((o) => o.id).sort((a, b) => a - b);

describe('store external-key indexes', () => {
  it('stay equal to a filtered scan through any sequence of inserts, replaces and removes', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), cls: fc.constantFrom('UserRequest', 'Incident'), caller: fc.integer({ min: 0, max: 5 }) }),
      fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), caller: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant('3'), fc.constant(null)) }),
      fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('query' as const), caller: fc.integer({ min: 0, max: 5 }) }),
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
      const store = createStore(schema);
      const live = (): StoredObject[] => [...store.rowsOf('Ticket')];
      for (const o of ops) {
        const all = live();
        if (o.kind === 'insert') store.insert(o.cls, { caller_id: o.caller, title: 't' });
        else if (o.kind === 'query') void [...store.rowsByKey('Ticket', 'caller_id', o.caller)]; // builds the indexes early
        else if (all.length > 0) {
          const target = all[o.pick % all.length] as StoredObject;
          if (o.kind === 'remove') store.remove(target);
          else store.replace(target, { ...target.values, caller_id: o.caller });
        }
      }
      for (let caller = 0; caller <= 5; caller += 1) {
        for (const cls of ['Ticket', 'UserRequest', 'Incident']) {
          const scanned = [...store.rowsOf(cls)].filter((t) => t.values.caller_id !== null && Number(t.values.caller_id) === caller);
          expect(ids(store.rowsByKey(cls, 'caller_id', caller))).toEqual(ids(scanned));
        }
      }
    }));
  });

  it('moves data versions on every write, per class for the classes written', () => {
    const store = createStore(schema);
    const v0 = store.version();
    const person = store.insert('Person', { name: 'A', org_id: 0 });
    const afterPerson = { all: store.version(), contact: store.versionOf('Contact'), ticket: store.versionOf('Ticket') };
    expect(afterPerson.all).not.toBe(v0);
    store.insert('UserRequest', { caller_id: person.id });
    expect(store.versionOf('Contact')).toBe(afterPerson.contact);
    expect(store.versionOf('Ticket')).not.toBe(afterPerson.ticket);
    const beforeReplace = store.versionOf('Person');
    store.replace(person, { ...person.values, name: 'B' });
    expect(store.versionOf('Person')).not.toBe(beforeReplace);
    const beforeRemove = store.version();
    store.remove(person);
    expect(store.version()).not.toBe(beforeRemove);
  });
});
