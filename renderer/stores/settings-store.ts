import { createStore } from 'zustand/vanilla';
import type { CtiBridge } from '../../shared/contract/contract';
import type { ConnectionTest, ConnectionTestResult, SettingsPatch, SettingsView } from '../../shared/contract/settings';

type Issue = SettingsView['issues'][number];
type Async<T> = { state: 'idle' } | { state: 'busy' } | { state: 'done'; value: T } | { state: 'error'; message: string };

export interface SettingsState {
  view: SettingsView | null;
  load: Async<null>;
  save: Async<null>;
  test: Async<ConnectionTestResult>;
  import: Async<{ issues: Issue[]; telephony: unknown }>;
  demo: Async<null>;
  actions: {
    loadRequested(): Promise<void>;
    saveRequested(patch: SettingsPatch): Promise<boolean>;
    testRequested(input: ConnectionTest): Promise<void>;
    importRequested(text: string, format: 'php' | 'xml' | 'json'): Promise<void>;
    /** Switches this run to the built-in simulator with demo data; true when it runs. */
    demoRequested(): Promise<boolean>;
  };
}

/**
 * Cache of the core's settings (the core owns them and never sends secrets back). Each request keeps its own
 * state so the form can show "testing…", a refused login or the identity without blocking the rest.
 */
export function createSettingsStore(bridge: CtiBridge) {
  return createStore<SettingsState>()((set) => ({
    view: null,
    load: { state: 'idle' },
    save: { state: 'idle' },
    test: { state: 'idle' },
    import: { state: 'idle' },
    demo: { state: 'idle' },
    actions: {
      async loadRequested() {
        set({ load: { state: 'busy' } });
        const r = await bridge.invoke('settings:get');
        set(r.ok ? { view: r.value, load: { state: 'done', value: null } } : { load: { state: 'error', message: r.error.message } });
      },
      async saveRequested(patch) {
        set({ save: { state: 'busy' } });
        const r = await bridge.invoke('settings:update', patch);
        set(r.ok ? { view: r.value, save: { state: 'done', value: null } } : { save: { state: 'error', message: r.error.message } });
        return r.ok;
      },
      async testRequested(input) {
        set({ test: { state: 'busy' } });
        const r = await bridge.invoke('settings:test-connection', input);
        set({ test: r.ok ? { state: 'done', value: r.value } : { state: 'error', message: r.error.message } });
      },
      async importRequested(text, format) {
        set({ import: { state: 'busy' } });
        const r = await bridge.invoke('settings:import-telephony', { text, format });
        set({ import: r.ok ? { state: 'done', value: r.value } : { state: 'error', message: r.error.message } });
      },
      async demoRequested() {
        set({ demo: { state: 'busy' } });
        const r = await bridge.invoke('settings:start-demo');
        set(r.ok ? { view: r.value, demo: { state: 'done', value: null } } : { demo: { state: 'error', message: r.error.message } });
        return r.ok;
      },
    },
  }));
}
export type SettingsStore = ReturnType<typeof createSettingsStore>;
