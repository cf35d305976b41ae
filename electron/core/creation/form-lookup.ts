import type { FormModel, NamedObject, ObjectRef, PickerResult, PickerSearch } from '../../../shared/contract/forms';
import { filterDependencies, THIS_REF, type ItopModel } from '../../../shared/itop-model';
import { bindOql, type OqlParam } from '../../../shared/oql/bind';
import { fail, ok, type Result } from '../../../shared/result';
import { describeItopError, type ItopClient } from '../itop';
import { withNameMatch } from './name-match';

/**
 * What the creation forms ask iTop besides the creation itself: the names behind the ids a form holds, and
 * the search-as-you-type pickers of external keys, scoped by the attribute's own iTop `<filter>`
 * (the caller among the organization's persons, the services of the organization's contracts…).
 */
export interface FormLookup {
  model(className: string): Result<FormModel>;
  names(refs: readonly ObjectRef[]): Promise<Result<NamedObject[]>>;
  search(request: PickerSearch): Promise<Result<PickerResult>>;
}

export interface FormLookupDeps {
  readonly client: ItopClient;
  readonly model: () => ItopModel;
  /** Options per search: a short list the agent reads at a glance. Default 20. */
  readonly limit?: number;
}

const isEmpty = (v: unknown): boolean => v === undefined || v === '' || v === 0 || v === '0';

export function createFormLookup(deps: FormLookupDeps): FormLookup {
  const limit = deps.limit ?? 20;

  return {
    model(className) {
      const model = deps.model();
      // What the telephony extension creates are tickets: an undescribed class (Problem, a custom one) gets
      // Ticket's attributes until forms.classes describes it.
      const resolved = model.resolve(className) ?? model.resolve('Ticket');
      if (!resolved) return fail('form-unknown-class', `The class ${className} is not described: add it under forms.classes in the configuration.`);
      return ok({
        class: className,
        label: resolved.name === className ? resolved.label : { en: className },
        attributes: resolved.attributes.map((a) => ({ ...a, dependsOn: filterDependencies(a.filter) })),
        form: [...resolved.form],
      });
    },

    async names(refs) {
      const byClass = new Map<string, Set<string>>();
      for (const r of refs) byClass.set(r.class, (byClass.get(r.class) ?? new Set()).add(r.id));
      // One query per class, all at once: the form waits for the slowest, not for the sum.
      const answers = await Promise.all(
        [...byClass].map(async ([cls, ids]) => {
          const r = await deps.client.get({ class: cls, key: `SELECT ${cls} WHERE id IN (${[...ids].join(', ')})`, outputFields: ['friendlyname'] });
          return r.ok ? ok(r.value.objects.map((o) => ({ class: cls, id: String(o.key), name: String(o.fields.friendlyname ?? '') }))) : r;
        }),
      );
      const out: NamedObject[] = [];
      for (const a of answers) {
        if (!a.ok) return fail('form-names-failed', `The names of the form's objects could not be read: ${describeItopError(a.error)}`);
        out.push(...a.value);
      }
      return ok(out);
    },

    async search({ class: className, attribute, text, values }) {
      const model = deps.model();
      // No attribute: any object of the class, by name (e.g. the Person a number is added to).
      const attr = attribute === undefined ? { kind: 'extkey', target: className, filter: undefined } : model.attribute(model.resolve(className) ? className : 'Ticket', attribute);
      if (!attr || attr.kind !== 'extkey' || !attr.target) return fail('form-not-a-key', `${className}.${attribute ?? ''} is not an external key of the described model.`);
      const target = attr.target;
      const dependencies = filterDependencies(attr.filter);
      const missing = dependencies.filter((code) => isEmpty(values[code]));
      // iTop's own form offers nothing until the scope is known (a caller needs an organization first).
      if (missing.length > 0) return ok({ options: [], total: 0, missing });
      const params: Record<string, OqlParam> = { this__id: 0 };
      for (const code of dependencies) params[`this__${code}`] = values[code] as string | number;
      const trimmed = text.trim();
      const base = (attr.filter ?? `SELECT ${target}`).trim().replace(THIS_REF, ':this__$1');
      const query = trimmed === '' ? ok(base) : withNameMatch(base);
      if (!query.ok) return fail('form-bad-filter', `The filter of ${className}.${attribute} cannot be used: ${query.error.message}`);
      if (trimmed !== '') params.text = { like: trimmed, anywhere: true };
      const bound = bindOql(query.value, params);
      if (!bound.ok) return fail('form-bad-filter', `The filter of ${className}.${attribute} cannot be used: ${bound.error.message}`);
      const r = await deps.client.get({ class: target, key: bound.value, outputFields: ['friendlyname'], limit });
      if (!r.ok) return fail('form-search-failed', describeItopError(r.error));
      return ok({ options: r.value.objects.map((o) => ({ id: String(o.key), name: String(o.fields.friendlyname ?? '') })), total: r.value.total, missing: [] });
    },
  };
}
