import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';

/** Where uploaded files live; local disk by default, an object store later without touching callers. */
export type FileStorage = {
  /** Streams `source` to `key`; returns the bytes written. */
  write(key: string, source: Readable): Promise<number>;
  /** Absolute path for readers that need a file (exceljs streaming reader). */
  pathOf(key: string): string;
  size(key: string): Promise<number>;
  remove(key: string): Promise<void>;
};

export function localFileStorage(root: string): FileStorage {
  const base = resolve(root);
  const pathOf = (key: string) => {
    const path = resolve(join(base, key));
    // Keys are built by the server, but a path that escapes the root is refused all the same.
    if (!path.startsWith(base + sep)) throw new Error(`storage key escapes root: ${key}`);
    return path;
  };
  return {
    pathOf,
    async write(key, source) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      await pipeline(source, createWriteStream(path));
      return (await stat(path)).size;
    },
    async size(key) {
      return (await stat(pathOf(key))).size;
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
