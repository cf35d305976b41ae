/**
 * The class registry: inheritance, attribute lists (inherited first), iTop's magic attributes
 * (finalclass, friendlyname, obsolescence, <extkey>_friendlyname…), `*` field lists and OQL filter codes.
 */
import type { AttrDef, ClassDef } from './types';
import { contact, contract, customerContract, lnkCustomerContractToService, location, organization, person, service, serviceSubcategory, team } from './classes-contacts';
import { approvedChange, change, emergencyChange, incident, normalChange, problem, routineChange, ticket, userRequest } from './classes-tickets';
import { phoneCall, user, userLocal, userToken } from './classes-misc';

export type MagicKind =
  | 'finalclass' | 'friendlyname' | 'obsolescence_flag' | 'obsolescence_date'
  | 'ek_friendlyname' | 'ek_obsolescence_flag' | 'ek_finalclass_recall';

/** A readable code on a class: a declared attribute, or a magic one computed from the object. */
export type FieldRef =
  | { readonly code: string; readonly attr: AttrDef; readonly magic?: undefined }
  | { readonly code: string; readonly attr?: undefined; readonly magic: MagicKind; readonly key?: AttrDef };

export interface SchemaOptions {
  /** false reproduces an instance without the telephony extension (`--no-phonecall`). */
  readonly phoneCall: boolean;
}

export interface Schema {
  classNames(): readonly string[];
  classExists(name: string): boolean;
  isAbstract(cls: string): boolean;
  isA(cls: string, ancestor: string): boolean;
  /** `cls` and all its descendants that can be instantiated. */
  concreteClasses(cls: string): readonly string[];
  rootOf(cls: string): string;
  def(cls: string): ClassDef;
  attributes(cls: string): readonly AttrDef[];
  attr(cls: string, code: string): AttrDef | undefined;
  field(cls: string, code: string): FieldRef | undefined;
  /** What `output_fields: "*"` lists: attributes of `cls`, then its magic codes (no `id`). */
  starFields(cls: string): readonly FieldRef[];
  filterCodes(cls: string): readonly string[];
  obsoleteWhen(cls: string): ClassDef['obsoleteWhen'];
  naming(cls: string): readonly string[];
  order(cls: string): { readonly code: string; readonly ascending: boolean };
  refFormat(cls: string): string | undefined;
}

// iTop's own class order (recording 08b), restricted to what the simulator models.
const ALL: readonly ClassDef[] = [
  user, userLocal, organization, location, contact, person, team, ticket, phoneCall, incident, problem, userRequest,
  contract, customerContract, service, serviceSubcategory, lnkCustomerContractToService, userToken, change, routineChange, approvedChange, normalChange, emergencyChange,
];

// A case log is a filter code in iTop 3.2.0: `private_log LIKE '%…%'` searches its stored text (issue 13).
const NOT_FILTERABLE = new Set(['linkset', 'blob', 'stopwatch', 'sw-deadline', 'sw-passed', 'sw-over']);

export function createSchema(options: SchemaOptions): Schema {
  const defs = ALL.filter((d) => options.phoneCall || d.name !== 'PhoneCall');
  const byName = new Map(defs.map((d) => [d.name, d]));
  const cache = new Map<string, { attrs: AttrDef[]; star: FieldRef[]; filter: string[]; fields: Map<string, FieldRef> }>();

  const def = (cls: string): ClassDef => {
    const d = byName.get(cls);
    if (!d) throw new Error(`unknown class ${cls}`);
    return d;
  };
  // The class tree never changes after creation: everything derived from it is computed once per class,
  // because reading a value (store.get, friendlyname, external fields) asks these on every row of a scan.
  const memo = <T>(compute: (cls: string) => T): ((cls: string) => T) => {
    const known = new Map<string, T>();
    return (cls) => {
      if (known.has(cls)) return known.get(cls) as T;
      const value = compute(cls);
      known.set(cls, value);
      return value;
    };
  };
  const lineage = memo((cls: string): readonly ClassDef[] => {
    const chain: ClassDef[] = [];
    for (let d: ClassDef | undefined = def(cls); d; d = d.parent ? def(d.parent) : undefined) chain.unshift(d);
    return chain;
  });
  const ancestors = memo((cls: string): ReadonlySet<string> => new Set(lineage(cls).map((d) => d.name)));
  // Unknown names (from client input) are answered without being memoised.
  const isA = (cls: string, ancestor: string): boolean => byName.has(cls) && ancestors(cls).has(ancestor);
  const hasSubclasses = (cls: string): boolean => defs.some((d) => d.parent === cls);
  const inHierarchy = (cls: string): boolean => def(cls).parent !== undefined || hasSubclasses(cls);
  const obsoleteWhen = memo((cls: string): ClassDef['obsoleteWhen'] => lineage(cls).reduce<ClassDef['obsoleteWhen']>((acc, d) => d.obsoleteWhen ?? acc, undefined));
  const concreteClasses = memo((cls: string): readonly string[] => defs.filter((d) => !d.abstract && isA(d.name, cls)).map((d) => d.name));
  const rootOf = memo((cls: string): string => lineage(cls)[0]?.name ?? cls);
  const naming = memo((cls: string): readonly string[] => lineage(cls).reduce<readonly string[]>((acc, d) => d.naming ?? acc, ['name']));
  const order = memo((cls: string) => lineage(cls).reduce<{ code: string; ascending: boolean }>((acc, d) => d.order ?? acc, { code: 'friendlyname', ascending: true }));
  const refFormat = memo((cls: string) => lineage(cls).reduce<string | undefined>((acc, d) => d.refFormat ?? acc, undefined));
  const classNames = defs.map((d) => d.name);

  function build(cls: string) {
    const hit = cache.get(cls);
    if (hit) return hit;
    const attrs = lineage(cls).flatMap((d) => [...d.attributes]);
    const obsolescable = obsoleteWhen(cls) !== undefined;
    const extMagic = (a: AttrDef): FieldRef[] => {
      if (a.type !== 'extkey' || !a.target || !byName.has(a.target)) return [];
      const out: FieldRef[] = [{ code: `${a.code}_friendlyname`, magic: 'ek_friendlyname', key: a }];
      if (obsoleteWhen(a.target)) out.push({ code: `${a.code}_obsolescence_flag`, magic: 'ek_obsolescence_flag', key: a });
      if (hasSubclasses(a.target)) out.push({ code: `${a.code}_finalclass_recall`, magic: 'ek_finalclass_recall', key: a });
      return out;
    };
    const head: FieldRef[] = [
      ...(inHierarchy(cls) ? [{ code: 'finalclass', magic: 'finalclass' } as const] : []),
      { code: 'friendlyname', magic: 'friendlyname' },
      ...(obsolescable ? [{ code: 'obsolescence_flag', magic: 'obsolescence_flag' } as const] : []),
    ];
    const obsDate: FieldRef[] = obsolescable ? [{ code: 'obsolescence_date', magic: 'obsolescence_date' }] : [];
    const star: FieldRef[] = [...attrs.map((attr) => ({ code: attr.code, attr })), ...head, ...obsDate, ...attrs.flatMap(extMagic)];
    const filter = [
      ...head.map((f) => f.code),
      ...attrs.filter((a) => !NOT_FILTERABLE.has(a.type)).flatMap((a) => [a.code, ...extMagic(a).map((f) => f.code)]),
      ...obsDate.map((f) => f.code),
      'id',
    ];
    const entry = { attrs, star, filter, fields: new Map(star.map((f) => [f.code, f])) };
    cache.set(cls, entry);
    return entry;
  }

  return {
    classNames: () => classNames,
    classExists: (name) => byName.has(name),
    isAbstract: (cls) => def(cls).abstract === true,
    isA,
    concreteClasses,
    rootOf,
    def,
    attributes: (cls) => build(cls).attrs,
    attr: (cls, code) => build(cls).fields.get(code)?.attr,
    field: (cls, code) => build(cls).fields.get(code),
    starFields: (cls) => build(cls).star,
    filterCodes: (cls) => build(cls).filter,
    obsoleteWhen,
    naming,
    order,
    refFormat,
  };
}
