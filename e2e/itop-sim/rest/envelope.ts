/** The reply shapes of rest.php, keys in PHP property order: code, message, then the rest. */
import type { JsonValue } from '../store/read';
import { objectsMap, type ObjectResult } from './output';

export type Envelope = { [key: string]: JsonValue };

/** RestResultWithObjects: `objects` stays null when nothing was added. */
export function withObjects(code: number, message: string | null, objects: readonly ObjectResult[]): Envelope {
  return { code, message, objects: objectsMap(objects) };
}

/** RestResult after a caught Exception: no `objects` key at all. */
export function thrown(code: number, message: string): Envelope {
  return { code: code === 0 ? 100 : code, message: `Error: ${message}` };
}
