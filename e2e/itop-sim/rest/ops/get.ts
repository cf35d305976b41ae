/** core/get (restservices.class.inc.php:505-549): key → set, rights, paging, "Found: <total>". */
import type { CallContext } from '../context';
import { withObjects, type Envelope } from '../envelope';
import { mandatoryParam, optionalParam, phpInt } from '../errors';
import { objectSetFromKey } from '../keys';
import { fieldSpec, objectResult } from '../output';
import { ACTION_VERB, denied, isAllowed } from '../rights';
import { requireClass } from './common';

export function coreGet(call: CallContext, params: Record<string, unknown>): Envelope {
  const cls = requireClass(call, params);
  const key = mandatoryParam(params, 'key');
  const spec = fieldSpec(call, cls, params.output_fields);
  const limit = phpInt(optionalParam(params, 'limit', 0));
  const page = phpInt(optionalParam(params, 'page', 1));
  const set = objectSetFromKey(call, cls, key);
  const target = set.selectedClass;
  if (!isAllowed(call.schema, call.account, target, 'read')) return { ...denied(ACTION_VERB.read, target), objects: null };
  if (!isAllowed(call.schema, call.account, target, 'bulk_read')) return { ...denied(ACTION_VERB.bulk_read, target), objects: null };
  if (page < 1) {
    // Not an exception in iTop, hence no "Error: " prefix.
    return withObjects(13, 'The request page number is not valid. It must be an integer greater than 0', []);
  }
  const offset = limit > 0 ? limit * (page - 1) : 0;
  const window = limit > 0 ? set.objects.slice(offset, offset + limit) : set.objects;
  return withObjects(0, `Found: ${set.objects.length}`, window.map((obj) => objectResult(call, obj, spec, 0, '')));
}
