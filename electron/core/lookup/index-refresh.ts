import { err, ok, type Result } from '../../../shared/result';
import { getWithFieldFallback, type ItopReader, type ReadFailure } from './itop-reader';
import { toPersonRecord, type PersonRecord } from './person-record';

/**
 * One refresh step, ONE request: the Persons created since the last step (`id > maxId`) and one slice of the
 * directory by id range, re-read whole. iTop's Person has no modification date and a Support Agent cannot
 * read the change history, so "changed since" does not exist: re-reading every slice in turn over the cycle
 * (24 h by default) is what catches changed and deleted Persons, at a cost spread evenly over the day.
 */
export interface SlicePlan {
  /** Persons with lo < id <= hi are re-read whole: any indexed Person in that range that iTop omits was deleted. */
  readonly lo: number;
  readonly hi: number;
  /** Persons with id > maxId are new. */
  readonly maxId: number;
}

// Slice bounds sit on a grid of this many ids so the same slice asks the same question from every agent and
// across small changes of maxId: its width only changes when the directory grows by this much.
const GRID = 1000;

/** How many steps one full cycle takes: one step per refresh interval. */
export function stepsPerCycle(cycleHours: number, refreshMinutes: number): number {
  return Math.max(1, Math.round((cycleHours * 60) / Math.max(1, refreshMinutes)));
}

function sliceWidth(maxId: number, steps: number): number {
  const span = Math.max(GRID, Math.ceil(maxId / GRID) * GRID);
  return Math.max(1, Math.ceil(span / steps));
}

/** The slice that starts at `cursor` (snapped to the slice grid), wrapping to the start past the last id. */
export function planSlice(maxId: number, cursor: number, steps: number): SlicePlan {
  const width = sliceWidth(maxId, steps);
  let lo = Math.floor(Math.max(0, cursor) / width) * width;
  if (lo >= maxId) lo = 0;
  return { lo, hi: lo + width, maxId };
}

/** A random slice start: each agent begins its cycle somewhere else, so slices spread over the agents. */
export function randomCursor(maxId: number, steps: number, random: () => number): number {
  return Math.floor(random() * steps) * sliceWidth(maxId, steps);
}

export interface SliceReply {
  readonly plan: SlicePlan;
  /** Every Person iTop returned, in the slice or new. */
  readonly persons: readonly PersonRecord[];
  readonly requests: number;
}

export interface ReadSliceOptions {
  readonly pageSize: number;
  readonly outputFields: readonly string[];
  readonly phoneAttributes: readonly string[];
  readonly refusedFields: Set<string>;
}

export function sliceOql(plan: SlicePlan): string {
  return `SELECT Person WHERE id > ${plan.maxId} OR (id > ${plan.lo} AND id <= ${plan.hi})`;
}

/** Runs one step; a slice larger than a page (a burst of new Persons) takes more pages, read in turn. */
export async function readSlice(reader: ItopReader, plan: SlicePlan, options: ReadSliceOptions): Promise<Result<SliceReply, ReadFailure>> {
  const persons: PersonRecord[] = [];
  const key = sliceOql(plan);
  let requests = 0;
  for (let page = 1; ; page += 1) {
    const reply = await getWithFieldFallback(reader, { class: 'Person', key, outputFields: options.outputFields, limit: options.pageSize, page }, options.refusedFields);
    requests += 1;
    if (!reply.ok) return err(reply.error);
    for (const object of reply.value.objects) {
      const person = toPersonRecord(object, options.phoneAttributes);
      if (person) persons.push(person);
    }
    if (page * options.pageSize >= reply.value.total || reply.value.objects.length === 0) break;
  }
  return ok({ plan, persons, requests });
}

export interface SliceChanges {
  readonly upserts: readonly PersonRecord[];
  readonly deletedIds: readonly string[];
  readonly maxId: number;
}

/** What a reply changes: every returned Person is (re)learned, indexed ones of the slice not returned are gone. */
export function sliceChanges(reply: SliceReply, indexedIds: Iterable<string>): SliceChanges {
  const { lo, hi } = reply.plan;
  const returned = new Set(reply.persons.map((p) => p.id));
  const deletedIds: string[] = [];
  for (const id of indexedIds) {
    const n = Number(id);
    if (n > lo && n <= hi && !returned.has(id)) deletedIds.push(id);
  }
  let maxId = reply.plan.maxId;
  for (const person of reply.persons) maxId = Math.max(maxId, Number(person.id));
  return { upserts: reply.persons, deletedIds, maxId };
}
