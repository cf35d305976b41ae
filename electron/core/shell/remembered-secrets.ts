import type { SecretStore } from '../app/secret-port';

/**
 * The secret store, telling the log about every secret that goes through it (read at start-up or typed
 * in Settings) so the rotating log redacts it from then on.
 */
export function rememberingSecrets(store: SecretStore, remember: (secret: string) => void): SecretStore {
  return {
    status: () => store.status(),
    delete: (name) => store.delete(name),
    async get(name) {
      const read = await store.get(name);
      if (read.ok && read.value) remember(read.value);
      return read;
    },
    async set(name, value) {
      if (value !== '') remember(value); // before storing: a failure message must not leak it either
      return store.set(name, value);
    },
  };
}
