/**
 * An object that always forwards to the current value of `get()`. Parts built once (the outbox, the call
 * enricher, the handlers) are given live views of what a settings change rebuilds (the lookup kit, the
 * configuration), so they use the new iTop client, lists and options from their next call on, while what they
 * already computed (calls in progress) stays as it is.
 */
export function live<T extends object>(get: () => T): T {
  return new Proxy(Object.create(null) as T, {
    get(_target, key) {
      const current = get();
      const value: unknown = Reflect.get(current, key, current);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(current) : value;
    },
    has: (_target, key) => Reflect.has(get(), key),
    ownKeys: () => Reflect.ownKeys(get()),
    // Reported configurable, so the proxy invariants hold whatever the current object is (frozen or not).
    getOwnPropertyDescriptor(_target, key) {
      const descriptor = Reflect.getOwnPropertyDescriptor(get(), key);
      return descriptor ? { ...descriptor, configurable: true } : undefined;
    },
  });
}

/** The same functions as `get()` gives now, by name: handlers a host registered once keep reaching the current ones. */
export function forwarding<T extends Record<string, (...args: never[]) => unknown>>(get: () => T): T {
  return Object.fromEntries(
    Object.keys(get()).map((name) => [name, (...args: unknown[]) => (get()[name] as unknown as (...a: unknown[]) => unknown)(...args)]),
  ) as unknown as T;
}
