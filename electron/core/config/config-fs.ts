import * as nodeFs from 'node:fs/promises';

/** The file operations config loading/saving needs; node:fs/promises by default, injectable for odd hosts. */
export interface ConfigFs {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  writeFile(path: string, data: string, options: { encoding: 'utf8'; mode: number; flag: string; flush: boolean }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string, mode: number): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<string | undefined>;
  unlink(path: string): Promise<void>;
}

export const nodeConfigFs: ConfigFs = nodeFs;

export const errorCode = (caught: unknown): string | undefined =>
  typeof caught === 'object' && caught !== null && 'code' in caught ? String((caught as { code: unknown }).code) : undefined;

export const errorText = (caught: unknown): string => (caught instanceof Error ? caught.message : String(caught));
