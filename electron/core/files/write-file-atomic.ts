import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Replaces `path` with `text` so that a crash, a full disk or a power cut leaves either the old file or the
 * new one, never half of one: a temp file in the same folder, written and flushed, then renamed over the
 * target, then the folder flushed so the rename itself survives. Every file the app keeps (config, secrets,
 * outbox, history, choices, the bridge token, the phone index) is written this way. Throws on failure; no temp
 * file is left. Each of them holds secrets or personal data (callers' numbers and names), so the default mode is
 * the agent's OS account only (0600).
 */
export async function writeFileAtomic(path: string, text: string | Uint8Array, options: { readonly mode?: number } = {}): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    // 'wx': the temp name is fresh, never someone else's file; the mode applies from the first byte.
    const handle = await open(temp, 'wx', options.mode ?? 0o600);
    try {
      await handle.writeFile(text, typeof text === 'string' ? 'utf8' : undefined);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await syncDirectory(dir);
}

/** Makes the rename durable; some platforms (Windows) cannot open a directory, where the rename is still atomic. */
async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // not supported here
  } finally {
    await handle?.close();
  }
}
