import { ClassModel, type AttributeModel, type ClassModelPatch, type Labels, type ModelPatches } from './schema';
export { labelIn } from './labels';
import { STANDARD_CONTACTS } from './standard-contacts';
import { STANDARD_TICKETS } from './standard-tickets';

/** A class with its inherited attributes (parents' first, a redefinition replacing the parent's in place). */
export interface ResolvedClass {
  readonly name: string;
  readonly label: Labels;
  readonly attributes: readonly AttributeModel[];
  /** Attributes the quick form offers besides the mandatory ones and the presets. */
  readonly form: readonly string[];
  /** The class and its ancestors, nearest first. */
  readonly lineage: readonly string[];
}

export interface ItopModel {
  classNames(): readonly string[];
  resolve(className: string): ResolvedClass | undefined;
  attribute(className: string, code: string): AttributeModel | undefined;
}

const STANDARD: Readonly<Record<string, ClassModel>> = Object.fromEntries(
  Object.entries({ ...STANDARD_CONTACTS, ...STANDARD_TICKETS }).map(([name, input]) => [name, ClassModel.parse(input)]),
);

/** The built-in standard classes, extended by the configuration's `forms.classes` (already validated). */
export function createItopModel(patches: ModelPatches = {}): ItopModel {
  const classes: Record<string, ClassModel> = { ...STANDARD };
  for (const [name, patch] of Object.entries(patches)) classes[name] = applyPatch(classes[name], name, patch);
  const cache = new Map<string, ResolvedClass | undefined>();

  function resolve(name: string, seen: ReadonlySet<string> = new Set()): ResolvedClass | undefined {
    if (cache.has(name)) return cache.get(name);
    const own = Object.prototype.hasOwnProperty.call(classes, name) ? classes[name] : undefined;
    // A parent loop in the configuration would recurse forever: the looping parent is ignored.
    if (!own || seen.has(name)) return undefined;
    const parent = own.parent ? resolve(own.parent, new Set([...seen, name])) : undefined;
    const attributes = [...(parent?.attributes ?? [])];
    for (const a of own.attributes) {
      const at = attributes.findIndex((p) => p.code === a.code);
      if (at >= 0) attributes[at] = a;
      else attributes.push(a);
    }
    const resolved: ResolvedClass = {
      name,
      label: own.label,
      attributes,
      form: own.form.length > 0 ? own.form : (parent?.form ?? []),
      lineage: [name, ...(parent?.lineage ?? [])],
    };
    cache.set(name, resolved);
    return resolved;
  }

  return {
    classNames: () => Object.keys(classes),
    resolve: (name) => resolve(name),
    attribute: (name, code) => resolve(name)?.attributes.find((a) => a.code === code),
  };
}

function applyPatch(base: ClassModel | undefined, name: string, patch: ClassModelPatch): ClassModel {
  const attributes = [...(base?.attributes ?? [])];
  for (const a of patch.attributes) {
    const at = attributes.findIndex((b) => b.code === a.code);
    if (at >= 0) attributes[at] = a;
    else attributes.push(a);
  }
  const parent = patch.parent ?? base?.parent;
  return {
    label: patch.label ?? base?.label ?? { en: name },
    ...(parent ? { parent } : {}),
    attributes,
    form: patch.form ?? base?.form ?? [],
  };
}

/** `:this->code` in an iTop `<filter>`: a value of the object being edited. */
export const THIS_REF = /:this->([A-Za-z_][A-Za-z0-9_]*)/g;

/** The form values a filter reads (`id` is the new object's own: always 0, never a dependency). */
export function filterDependencies(filter: string | undefined): string[] {
  if (!filter) return [];
  return [...new Set([...filter.matchAll(THIS_REF)].map((m) => m[1] as string))].filter((code) => code !== 'id');
}
