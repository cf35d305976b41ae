import { join } from 'node:path';
import type { JsonStore } from '../core/shell/shell-settings-store';

/**
 * electron-store's constructor as the shell uses it. electron-store ≥ 10 is ESM-only, so main.ts loads
 * it with a dynamic `import()` (a `require` from the CommonJS main bundle would throw ERR_REQUIRE_ESM).
 * `conf`, the class electron-store extends, has the same shape; the tests run the real `conf`.
 */
export type StoreConstructor = new (options: {
  name: string;
  configName: string;
  cwd: string;
  clearInvalidConfig: false;
  accessPropertiesByDotNotation: false;
}) => JsonStore;

/** Where the file is and how to open it; opening throws on an unparseable file (the core then moves it aside). */
export function storeOpener(Store: StoreConstructor, o: { dir: string; name: string }): { filePath: string; open: () => JsonStore } {
  return {
    filePath: join(o.dir, `${o.name}.json`),
    open: () => new Store({ name: o.name, configName: o.name, cwd: o.dir, clearInvalidConfig: false, accessPropertiesByDotNotation: false }),
  };
}
