import { z } from 'zod';

/**
 * The description of iTop classes the creation forms need (iTop's REST API has no metadata operation):
 * attribute codes, kinds, targets of external keys, enum values, what is mandatory and iTop's labels.
 * The built-in standard classes are data (standard-*.ts); the `forms.classes` config key extends them
 * with the same shape, so an iTop with custom classes or fields gets the same forms.
 */
const CODE = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const ModelClassName = z.string().regex(CODE, 'must be an iTop class name (letters, digits, _)').max(64);
export const ModelAttributeCode = z.string().regex(CODE, 'must be an iTop attribute code (letters, digits, _)').max(64);

/** iTop's dictionary entry in the languages the app speaks; English is the fallback, as in iTop. */
export const Labels = z.strictObject({ en: z.string().min(1).max(200), fr: z.string().min(1).max(200).optional(), de: z.string().min(1).max(200).optional() });
export type Labels = z.infer<typeof Labels>;

/** What the form does with an attribute: a line, a text box, a select, a picker, a log entry. */
export const AttributeKind = z.enum(['string', 'text', 'html', 'email', 'phone', 'integer', 'date', 'datetime', 'enum', 'extkey', 'caselog']);
export type AttributeKind = z.infer<typeof AttributeKind>;

export const EnumValue = z.strictObject({ code: z.string().max(100), label: Labels });
export type EnumValue = z.infer<typeof EnumValue>;

export const AttributeModel = z
  .strictObject({
    code: ModelAttributeCode,
    kind: AttributeKind,
    label: Labels,
    /** iTop's `is_null_allowed = false`. */
    mandatory: z.boolean().default(false),
    /** The value iTop's NewObject applies when the field is not sent. */
    default: z.string().max(200).optional(),
    /** External keys: the class the id points at. */
    target: ModelClassName.optional(),
    /**
     * External keys: iTop's own `<filter>` OQL for the allowed targets; `:this->code` is the form's current
     * value of `code` (as in iTop's datamodel). Absent: any object of the target class.
     */
    filter: z.string().max(2000).optional(),
    /** Enums: iTop's codes in iTop's order, with their labels. */
    values: z.array(EnumValue).max(500).optional(),
  })
  .refine((a) => a.kind !== 'extkey' || a.target !== undefined, { message: 'an extkey attribute needs a target class', path: ['target'] })
  .refine((a) => a.kind !== 'enum' || (a.values !== undefined && a.values.length > 0), { message: 'an enum attribute needs its values', path: ['values'] });
export type AttributeModel = z.output<typeof AttributeModel>;

export const ClassModel = z.strictObject({
  label: Labels,
  /** Inherited attributes come first, as in iTop. */
  parent: ModelClassName.optional(),
  attributes: z.array(AttributeModel).max(300).default([]),
  /** Attributes the quick form offers besides the mandatory ones and the presets, in this order. */
  form: z.array(ModelAttributeCode).max(100).default([]),
});
export type ClassModel = z.output<typeof ClassModel>;
export type ClassModelInput = z.input<typeof ClassModel>;

/** Config `forms.classes`: new classes, or attributes added to / replacing those of a built-in class. */
export const ClassModelPatch = z.strictObject({
  label: Labels.optional(),
  parent: ModelClassName.optional(),
  attributes: z.array(AttributeModel).max(300).default([]),
  form: z.array(ModelAttributeCode).max(100).optional(),
});
export type ClassModelPatch = z.output<typeof ClassModelPatch>;

export const ModelPatches = z.record(ModelClassName, ClassModelPatch);
export type ModelPatches = z.output<typeof ModelPatches>;
