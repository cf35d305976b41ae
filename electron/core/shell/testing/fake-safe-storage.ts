import type { SafeStorageLike } from '../secret-store';

export type Backend = ReturnType<SafeStorageLike['getSelectedStorageBackend']>;

/**
 * safeStorage with its documented semantics: unavailable until the app is ready, Linux `basic_text`
 * unavailable unless plain-text encryption is allowed. The cipher is a reversible stand-in for the OS's.
 */
export function fakeSafeStorage(o: { backend: Backend; keyring: boolean }) {
  const state = { ready: false, plainTextAllowed: false, calls: [] as string[] };
  const available = (): boolean => state.ready && (o.keyring || state.plainTextAllowed);
  const storage: SafeStorageLike = {
    isEncryptionAvailable: () => (state.calls.push('isEncryptionAvailable'), available()),
    getSelectedStorageBackend: () => (state.calls.push('getSelectedStorageBackend'), o.backend),
    setUsePlainTextEncryption: (allow) => void (state.plainTextAllowed = allow),
    encryptString: (plain) => {
      if (!available()) throw new Error('Encryption is not available.');
      return Buffer.from(`v10${[...plain].reverse().join('')}`, 'utf8');
    },
    decryptString: (encrypted) => {
      const text = encrypted.toString('utf8');
      if (!text.startsWith('v10')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return [...text.slice(3)].reverse().join('');
    },
  };
  return { storage, state };
}
