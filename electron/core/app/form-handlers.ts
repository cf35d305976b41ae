import type { ContractHandlers } from '../../../shared/contract/contract';
import type { formInvokeContract } from '../../../shared/contract/forms';
import { unwrap } from '../../../shared/result';
import type { FormLookup } from '../creation';

export type FormHandlers = Pick<ContractHandlers, keyof typeof formInvokeContract>;

/** form:* — the creation forms' class descriptions, names behind ids, and pickers. */
export function createFormHandlers(lookup: FormLookup): FormHandlers {
  return {
    'form:model': async ({ class: className }) => unwrap(lookup.model(className)),
    'form:names': async ({ refs }) => ({ names: unwrap(await lookup.names(refs)) }),
    'form:search': async (request) => unwrap(await lookup.search(request)),
  };
}
