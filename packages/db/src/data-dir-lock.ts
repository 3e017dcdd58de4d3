import { readFileSync, rmSync, writeFileSync } from 'node:fs';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * PGlite is a single-process database: a second process opening the same data directory (say
 * `manyi migrate` while the server runs) can corrupt it. A pid file beside the directory keeps a
 * second opener out with a clear message; a stale file from a crashed process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = `${dataDir}.lock`;
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
    const holder = Number(readFileSync(path, 'utf8').trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `the embedded database ${dataDir} is in use by process ${holder}; stop that process first (PGlite allows one process at a time) / 嵌入式数据库正被进程 ${holder} 使用,请先停止该进程`,
        { cause: error },
      );
    }
    writeFileSync(path, String(process.pid));
  }
  return () => rmSync(path, { force: true });
}
