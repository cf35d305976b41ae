/**
 * The load model's view of iTop: every REST request of every agent is counted, with the bytes of the real
 * simulator response, per virtual minute and per kind (index upkeep or call). A request identical to one
 * already answered (same json_data) while no Person in its answer changed since is answered from that real
 * answer instead of asking the simulator again: counted the same, served cheaply (the bench stays within
 * minutes for 500 agents). Each agent then keeps only its share of the Persons in memory (see `keep`).
 */
export type Kind = 'upkeep' | 'call';

export interface Meter {
  readonly minutes: Map<number, { upkeep: number; call: number; upkeepBytes: number; callBytes: number }>;
  realRequests: number;
  servedFromMemo: number;
}

interface Memo {
  readonly text: string;
  /** The answer's Person objects, parsed once for all agents (thinning 5,000-Person pages per agent is the prep's cost). */
  persons?: [string, PersonObject][] | null;
  envelope?: Record<string, unknown>;
  readonly bytes: number;
  readonly ids: ReadonlySet<number>;
  readonly ranges: readonly (readonly [number, number])[];
  readonly above?: number;
}

const RANGE = /id > (\d+) AND id <= (\d+)/g;
const ABOVE = /WHERE id > (\d+) OR/;
const IN = /id IN \(([\d,\s]+)\)/;

/** Index upkeep: full builds (Person pages, Locations) and refresh steps; anything else belongs to a call. */
export function kindOf(json: { class?: string; key?: unknown }): Kind {
  const key = String(json.key ?? '');
  if (json.class === 'Location' || key === 'SELECT Person' || key.startsWith('SELECT Person WHERE id > ')) return 'upkeep';
  return 'call';
}

export interface MeteredItop {
  readonly meter: Meter;
  /** The fetch one agent uses; `keep` says which Person ids this agent's index holds. */
  fetchFor(keep: (id: number) => boolean): typeof fetch;
  /** A Person changed in iTop: answers that contain it (or could now contain it) are asked again. */
  changed(id: number): void;
  /** Waits until no request is in flight (the virtual clock advances only then). */
  idle(): Promise<void>;
  setMinute(minute: number): void;
  /** Counts requests that were not sent (the load model's unsampled calls), with measured sizes. */
  count(minute: number, kind: Kind, requests: number, bytes: number): void;
  reset(): void;
}

export function createMeteredItop(realFetch: typeof fetch = fetch): MeteredItop {
  const meter: Meter = { minutes: new Map(), realRequests: 0, servedFromMemo: 0 };
  const memo = new Map<string, Memo>();
  let minute = 0;
  let inFlight = 0;

  const count = (kind: Kind, bytes: number, at = minute, requests = 1): void => {
    const m = meter.minutes.get(at) ?? { upkeep: 0, call: 0, upkeepBytes: 0, callBytes: 0 };
    m[kind] += requests;
    if (kind === 'upkeep') m.upkeepBytes += bytes;
    else m.callBytes += bytes;
    meter.minutes.set(minute, m);
  };

  const answer = async (url: string, init: RequestInit | undefined, jsonData: string): Promise<Memo> => {
    const known = memo.get(jsonData);
    if (known) {
      meter.servedFromMemo += 1;
      return known;
    }
    const response = await realFetch(url, init);
    const text = await response.text();
    meter.realRequests += 1;
    const parsed = JSON.parse(text) as { objects?: Record<string, { class?: string; fields?: { id?: unknown } }> | null };
    const ids = new Set<number>();
    for (const object of Object.values(parsed.objects ?? {})) ids.add(Number(object.fields?.id));
    const asked = IN.exec(jsonData)?.[1];
    for (const id of asked?.split(',') ?? []) ids.add(Number(id));
    const ranges = [...jsonData.matchAll(RANGE)].map((m) => [Number(m[1]), Number(m[2])] as const);
    const above = ABOVE.exec(jsonData)?.[1];
    const entry: Memo = { text, bytes: Buffer.byteLength(text), ids, ranges, ...(above !== undefined ? { above: Number(above) } : {}) };
    if (response.status === 200) memo.set(jsonData, entry);
    return entry;
  };

  return {
    meter,
    fetchFor(keep) {
      return async (input, init) => {
        inFlight += 1;
        try {
          const jsonData = new URLSearchParams(String(init?.body ?? '')).get('json_data') ?? '';
          const json = JSON.parse(jsonData || '{}') as { class?: string; key?: unknown };
          const reply = await answer(String(input), init, jsonData);
          count(kindOf(json), reply.bytes);
          return new Response(thin(reply, keep), { status: 200, headers: { 'content-type': 'application/json' } });
        } finally {
          inFlight -= 1;
        }
      };
    },
    changed(id) {
      for (const [key, entry] of memo) {
        if (entry.ids.has(id) || entry.ranges.some(([lo, hi]) => id > lo && id <= hi) || (entry.above !== undefined && id > entry.above)) memo.delete(key);
      }
    },
    async idle() {
      do await new Promise((resolve) => setImmediate(resolve));
      while (inFlight > 0);
    },
    setMinute(m) {
      minute = m;
    },
    count: (at, kind, requests, bytes) => count(kind, bytes, at, requests),
    reset() {
      meter.minutes.clear();
      meter.realRequests = 0;
      meter.servedFromMemo = 0;
    },
  };
}

type PersonObject = { class?: string; fields?: { id?: unknown } };

/** The answer as this agent keeps it: its Persons only, plus the highest id (it drives the new-id pass). */
function thin(reply: Memo, keep: (id: number) => boolean): string {
  if (reply.persons === undefined) {
    reply.persons = null;
    if (reply.text.includes('"Person::')) {
      const json = JSON.parse(reply.text) as { objects?: Record<string, PersonObject> | null };
      const objects = Object.entries(json.objects ?? {});
      if (objects.length > 0 && objects.every(([, o]) => o.class === 'Person')) {
        reply.persons = objects;
        reply.envelope = { ...json, objects: null };
      }
    }
  }
  const objects = reply.persons;
  if (!objects) return reply.text;
  let highest = 0;
  for (const [, o] of objects) highest = Math.max(highest, Number(o.fields?.id));
  const kept = objects.filter(([, o]) => keep(Number(o.fields?.id)) || Number(o.fields?.id) === highest);
  return JSON.stringify({ ...reply.envelope, objects: Object.fromEntries(kept) });
}
