import { z } from 'zod';
import { AttributeModel, Labels } from '../itop-model/schema';
import { FieldValue } from './writes';

/**
 * Contract additions for the creation forms (issue 16): the description of a class's attributes, the names
 * of the objects the form's external keys point at, and the search-as-you-type picker. Ids stay in the
 * values; the agent reads names.
 */
const ClassName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be an iTop class name').max(64);
const AttributeCode = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an iTop attribute code').max(64);
const ObjectId = z.string().regex(/^\d{1,12}$/, 'must be an iTop object id');

export const FormAttribute = AttributeModel.and(
  z.object({
    /** External keys: the form values the picker's scope reads (`:this->org_id` → `org_id`). */
    dependsOn: z.array(AttributeCode),
  }),
);
export type FormAttribute = z.infer<typeof FormAttribute>;

export const FormModel = z.object({
  class: ClassName,
  label: Labels,
  /** Inherited first, in iTop's order. */
  attributes: z.array(FormAttribute),
  /** What the quick form offers besides the mandatory attributes and the presets. */
  form: z.array(AttributeCode),
});
export type FormModel = z.infer<typeof FormModel>;

export const ObjectRef = z.object({ class: ClassName, id: ObjectId });
export type ObjectRef = z.infer<typeof ObjectRef>;
export const NamedObject = ObjectRef.extend({ name: z.string() });
export type NamedObject = z.infer<typeof NamedObject>;

export const PickerSearch = z.object({
  /** The class of the form, and the external key being chosen; without an attribute, objects of `class` itself. */
  class: ClassName,
  attribute: AttributeCode.optional(),
  /** What the agent typed; empty lists the first allowed objects. */
  text: z.string().max(100),
  /** The form's current values, for the scope (`:this->…`). */
  values: z.record(AttributeCode, FieldValue).refine((v) => Object.keys(v).length <= 100, 'too many values'),
});
export type PickerSearch = z.infer<typeof PickerSearch>;

export const PickerResult = z.object({
  options: z.array(z.object({ id: ObjectId, name: z.string() })),
  /** How many objects match in all (the options are the first ones). */
  total: z.number().int().nonnegative(),
  /** Scope values the form does not have yet (e.g. `org_id` before a caller can be chosen). */
  missing: z.array(AttributeCode),
});
export type PickerResult = z.infer<typeof PickerResult>;

export const formInvokeContract = {
  'form:model': { args: z.tuple([z.object({ class: ClassName })]), result: FormModel },
  /** Names of the objects a form shows, resolved together (one query per class, in parallel). */
  'form:names': { args: z.tuple([z.object({ refs: z.array(ObjectRef).max(50) })]), result: z.object({ names: z.array(NamedObject) }) },
  'form:search': { args: z.tuple([PickerSearch]), result: PickerResult },
} as const;
