/**
 * core/delete (restservices L551-575, DeleteObjects L743-865) with a small DeletionPlan: objects
 * pointing at a deleted one are deleted with it (DEL_AUTO), have their key reset (optional key), or
 * must be deleted explicitly (mandatory key, DEL_MANUAL), which stops the whole deletion.
 */
import type { StoredObject } from '../../model/types';
import type { CallContext } from '../context';
import { withObjects, type Envelope } from '../envelope';
import { mandatoryParam, optionalParam } from '../errors';
import { objectSetFromKey } from '../keys';
import { ID_AND_NAME, objectResult, type ObjectResult } from '../output';
import { ACTION_VERB, denied, isAllowed } from '../rights';
import { requireClass, requireComment } from './common';

interface PlannedDelete { obj: StoredObject; requested: boolean; manual: boolean; issue?: string }
interface PlannedUpdate { obj: StoredObject; resetKeys: string[] }

export function coreDelete(call: CallContext, params: Record<string, unknown>): Envelope {
  requireComment(params);
  const cls = requireClass(call, params);
  const key = mandatoryParam(params, 'key');
  const simulate = Boolean(optionalParam(params, 'simulate', false));
  const set = objectSetFromKey(call, cls, key);
  if (!isAllowed(call.schema, call.account, set.selectedClass, 'delete')) {
    return { ...denied(ACTION_VERB.delete, set.selectedClass), objects: null };
  }
  const deletes = new Map<string, PlannedDelete>();
  const updates = new Map<string, PlannedUpdate>();
  for (const obj of set.objects) plan(call, obj, true, false, deletes, updates);

  const results: ObjectResult[] = [];
  for (const d of deletes.values()) results.push(objectResult(call, d.obj, ID_AND_NAME(d.obj.finalClass), ...deleteCode(d)));
  for (const u of updates.values()) {
    results.push(objectResult(call, u.obj, ID_AND_NAME(u.obj.finalClass), 5, `Reset external keys: ${u.resetKeys.join(', ')}`));
  }
  const all = [...deletes.values()];
  let code = 0;
  let message = `Deleted: ${set.objects.length}`;
  if (all.some((d) => d.issue)) [code, message] = [1, 'Deletion not allowed on some objects'];
  else if (all.some((d) => d.manual)) {
    [code, message] = [12, 'The deletion requires that other objects be deleted/updated, and those operations must be requested explicitely'];
  } else {
    const indirect = all.filter((d) => !d.requested).length + updates.size;
    if (indirect > 0) message += ` plus (for DB integrity) ${indirect}`;
    if (!simulate) execute(call, all, [...updates.values()]);
  }
  return withObjects(code, simulate ? `SIMULATING: ${message}` : message, results);
}

function deleteCode(d: PlannedDelete): [number, string] {
  if (d.issue) return d.requested ? [1, `Cannot be deleted: ${d.issue}`] : [3, `Should be deleted automatically... but: ${d.issue}`];
  if (d.manual) return [4, 'Must be deleted explicitely'];
  return d.requested ? [0, ''] : [2, 'Deleted automatically'];
}

function plan(call: CallContext, obj: StoredObject, requested: boolean, manual: boolean, deletes: Map<string, PlannedDelete>, updates: Map<string, PlannedUpdate>): void {
  const id = `${obj.finalClass}::${obj.id}`;
  const known = deletes.get(id);
  if (known) {
    if (requested) Object.assign(known, { requested: true, manual: false });
    return;
  }
  const allowed = isAllowed(call.schema, call.account, obj.finalClass, 'delete');
  deletes.set(id, { obj, requested, manual, ...(allowed ? {} : { issue: 'Not allowed to delete this object' }) });
  if (manual) return;
  for (const { ref, attr } of referencing(call, obj)) {
    if (attr.onTargetDelete === 'auto') plan(call, ref, false, false, deletes, updates);
    else if (!attr.mandatory) {
      const uid = `${ref.finalClass}::${ref.id}`;
      const u = updates.get(uid) ?? { obj: ref, resetKeys: [] };
      u.resetKeys.push(attr.code);
      updates.set(uid, u);
    } else plan(call, ref, false, true, deletes, updates);
  }
}

function* referencing(call: CallContext, target: StoredObject) {
  const { schema, store } = call;
  for (const cls of schema.classNames()) {
    if (schema.isAbstract(cls)) continue;
    // Only the keys declared on this very class (inherited ones are visited through the concrete class).
    const keys = schema.attributes(cls).filter((a) => a.type === 'extkey' && a.target && schema.isA(target.finalClass, a.target));
    if (keys.length === 0) continue;
    for (const ref of store.rowsOf(cls)) {
      if (ref.finalClass !== cls) continue;
      for (const attr of keys) if (ref.values[attr.code] === target.id) yield { ref, attr };
    }
  }
}

function execute(call: CallContext, deletes: PlannedDelete[], updates: PlannedUpdate[]): void {
  const gone = new Set(deletes.map((d) => `${d.obj.finalClass}::${d.obj.id}`));
  for (const u of updates) {
    if (gone.has(`${u.obj.finalClass}::${u.obj.id}`)) continue;
    const current = call.store.get(u.obj.finalClass, u.obj.id);
    if (!current) continue;
    const values = { ...current.values };
    for (const k of u.resetKeys) values[k] = 0;
    call.store.replace(current, values);
  }
  for (const d of deletes) call.store.remove(d.obj);
}
