import * as nodeFs from 'node:fs/promises';

/** The file reads config loading needs; node:fs/promises by default. Writes go through files/write-file-atomic. */
export interface ConfigFs {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  copyFile(from: string, to: string, mode: number): Promise<void>;
}

export const nodeConfigFs: ConfigFs = nodeFs;

export const errorCode = (caught: unknown): string | undefined =>
  typeof caught === 'object' && caught !== null && 'code' in caught ? String((caught as { code: unknown }).code) : undefined;

export const errorText = (caught: unknown): string => (caught instanceof Error ? caught.message : String(caught));
