import { describe, expect, it } from 'vitest';
import { createItopModel } from '../../shared/itop-model';
import type { AttributeModel } from '../../shared/itop-model';
import { createSchema } from './model/schema';
import type { AttrDef } from './model/types';
import { loadRecordings } from './recordings';

/**
 * The forms' built-in description of iTop's classes (shared/itop-model, written from iTop's datamodel) must
 * agree with the simulator's model and with what the recorded iTop 3.2.0 said: same enum values, same
 * mandatory fields, same external-key targets. A disagreement means one of the two is wrong about iTop.
 */
const model = createItopModel();
const schema = createSchema({ phoneCall: true });
// Classes described only as picker targets (a label, no attributes) have nothing to compare.
const described = model.classNames().filter((c) => schema.classExists(c) && (model.resolve(c)?.attributes.length ?? 0) > 0);

// How the simulator's attribute types map to the kinds the forms know.
const SIM_KIND: Readonly<Record<string, AttributeModel['kind']>> = {
  string: 'string', text: 'text', html: 'html', email: 'email', phone: 'phone', integer: 'integer',
  date: 'date', datetime: 'datetime', enum: 'enum', extkey: 'extkey', caselog: 'caselog',
};

describe('the forms\' iTop model against the simulator\'s model', () => {
  it('describes the classes the creation presets and pickers use', () => {
    expect(described).toEqual(expect.arrayContaining(['UserRequest', 'Incident', 'Person', 'Organization', 'Location', 'Team', 'Service', 'ServiceSubcategory']));
  });

  for (const cls of described) {
    it(`${cls}: every described attribute exists in the simulator with the same kind, target, values, default and mandatory flag`, () => {
      const attributes = model.resolve(cls)?.attributes ?? [];
      for (const a of attributes) {
        const sim: AttrDef | undefined = schema.attr(cls, a.code);
        expect(sim, `${cls}.${a.code} in the simulator`).toBeDefined();
        if (!sim) continue;
        expect({ code: a.code, kind: a.kind, mandatory: a.mandatory }).toEqual({ code: a.code, kind: SIM_KIND[sim.type], mandatory: sim.mandatory === true });
        if (a.kind === 'extkey') expect(`${a.code} → ${a.target}`).toBe(`${a.code} → ${sim.target}`);
        if (a.kind === 'enum') {
          expect(a.values?.map((v) => v.code), `${cls}.${a.code} values`).toEqual(sim.values);
          expect(a.default, `${cls}.${a.code} default`).toBe(sim.defaultValue);
        }
      }
    });
  }

  it('points external keys only at classes it also describes, so every picker has a label and a name', () => {
    for (const cls of model.classNames()) {
      for (const a of model.resolve(cls)?.attributes ?? []) if (a.kind === 'extkey') expect(model.resolve(a.target ?? ''), `${cls}.${a.code} → ${a.target}`).toBeDefined();
    }
  });
});

describe('the forms\' iTop model against the recordings of iTop 3.2.0', () => {
  const recordings = loadRecordings();
  const objects = recordings.flatMap((r) => {
    const parsed = JSON.parse(r.responseBody.startsWith('{') ? r.responseBody : '{}') as { objects?: Record<string, { class: string; fields: Record<string, unknown> }> | null };
    return Object.values(parsed.objects ?? {});
  });

  it('every enum value iTop returned is one the form offers, and a mandatory enum is never empty', () => {
    let checked = 0;
    for (const o of objects) {
      for (const a of model.resolve(o.class)?.attributes ?? []) {
        const value = o.fields[a.code];
        if (a.kind !== 'enum' || typeof value !== 'string') continue;
        checked += 1;
        if (value === '') expect(a.mandatory, `${o.class}.${a.code} was empty in iTop`).toBe(false);
        else expect(a.values?.map((v) => v.code), `${o.class}.${a.code} = ${value}`).toContain(value);
      }
    }
    // Persons, requests and incidents with their statuses, origins, impacts and urgencies.
    expect(checked).toBeGreaterThan(100);
  });

  it('every object iTop returned has its mandatory external keys and strings set', () => {
    let checked = 0;
    for (const o of objects) {
      for (const a of model.resolve(o.class)?.attributes ?? []) {
        const value = o.fields[a.code];
        if (!a.mandatory || value === undefined) continue;
        checked += 1;
        expect(value, `${o.class}.${a.code}`).not.toBe(a.kind === 'extkey' ? '0' : '');
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('the recorded successful creations sent every mandatory field that has no default', () => {
    const creations = recordings.filter((r) => r.fields?.some(([k, v]) => k === 'json_data' && v.includes('"core/create"')) && r.responseBody.includes('"code":0'));
    const checkedClasses = new Set<string>();
    for (const r of creations) {
      const json = JSON.parse(r.fields?.find(([k]) => k === 'json_data')?.[1] ?? '{}') as { class: string; fields: Record<string, unknown> };
      const cls = model.resolve(json.class);
      if (!cls) continue;
      checkedClasses.add(json.class);
      const needed = cls.attributes.filter((a) => a.mandatory && a.default === undefined).map((a) => a.code);
      expect(Object.keys(json.fields), `${r.name} (${json.class})`).toEqual(expect.arrayContaining(needed));
    }
    expect([...checkedClasses].sort()).toEqual(['Person', 'UserRequest']);
  });
});
