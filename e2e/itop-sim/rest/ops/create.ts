/** core/create (restservices L380-403): rights, MakeObjectFromFields, DBInsert, "created". */
import type { CallContext } from '../context';
import { withObjects, type Envelope } from '../envelope';
import { mandatoryParam, RestError } from '../errors';
import { fieldSpec, objectResult } from '../output';
import { ACTION_VERB, denied, isAllowed } from '../rights';
import { applyFields } from '../values';
import { assignRef, checkToWrite, computeValues, defaultValues } from '../write';
import { requireClass, requireComment } from './common';

export function coreCreate(call: CallContext, params: Record<string, unknown>): Envelope {
  requireComment(params);
  const cls = requireClass(call, params);
  const fields = mandatoryParam(params, 'fields');
  const spec = fieldSpec(call, cls, params.output_fields);
  if (!isAllowed(call.schema, call.account, cls, 'modify')) return { ...denied(ACTION_VERB.create, cls), objects: null };
  if (!isAllowed(call.schema, call.account, cls, 'bulk_modify')) return { ...denied(ACTION_VERB.bulk_create, cls), objects: null };
  if (call.schema.isAbstract(cls)) throw new RestError(`${cls} is an abstract class, it cannot be instantiated`);
  const values = defaultValues(call, cls);
  applyFields(call, cls, values, fields);
  computeValues(call, cls, values, true);
  // New objects carry a temporary negative id until they are inserted.
  checkToWrite(call, cls, values, 'all', -1);
  assignRef(call, cls, values);
  const obj = call.store.insert(cls, values);
  return withObjects(0, null, [objectResult(call, obj, spec, 0, 'created')]);
}
