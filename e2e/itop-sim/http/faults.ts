/**
 * Run-time behaviour knobs of the simulator (`/__sim/control`): latency, jitter and faults that a
 * real iTop or its network produces. Validated with zod; invalid updates are refused, never half-applied.
 */
import { z } from 'zod';

export const FAULTS = ['none', 'http500', 'hang', 'non-json', 'down'] as const;
export type Fault = (typeof FAULTS)[number];

export interface ControlState {
  readonly latencyMs: number;
  readonly jitterMs: number;
  readonly fault: Fault;
  /** HTTP status of the 'non-json' PHP fatal page: 200 when display_errors is on, 500 otherwise. */
  readonly nonJsonStatus: 200 | 500;
}

const millis = z.number().int().min(0).max(600_000);
export const controlUpdateSchema = z.strictObject({
  latencyMs: millis.optional(),
  jitterMs: millis.optional(),
  fault: z.enum(FAULTS).optional(),
  nonJsonStatus: z.union([z.literal(200), z.literal(500)]).optional(),
});
export type ControlUpdate = z.infer<typeof controlUpdateSchema>;

export interface Control {
  get(): ControlState;
  update(patch: ControlUpdate): ControlState;
  /** Back to the values the simulator was started with. */
  reset(): ControlState;
  /** Delay before answering one request: latency plus a uniform share of the jitter. */
  delayMs(): number;
}

export function createControl(initial: ControlState, random: () => number): Control {
  let state = initial;
  return {
    get: () => state,
    update(patch) {
      state = { ...state, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
      return state;
    },
    reset() {
      state = initial;
      return state;
    },
    delayMs: () => state.latencyMs + Math.floor(random() * (state.jitterMs + 1)),
  };
}

/** What PHP prints for an uncaught Error with display_errors on (as iTop does for `"key": ""`). */
export function phpFatalPage(detail: string): string {
  return (
    '<br />\n<b>Fatal error</b>:  Uncaught ' + detail +
    ' in /var/www/html/itop/core/dbobjectset.class.php:106\nStack trace:\n#0 /var/www/html/itop/application/applicationextension.inc.php(2118)' +
    ': DBObjectSet-&gt;__construct()\n#1 {main}\n  thrown in <b>/var/www/html/itop/core/dbobjectset.class.php</b> on line <b>106</b><br />\n'
  );
}
