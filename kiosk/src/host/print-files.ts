/**
 * The print job's copy of its PDF on the kiosk's disk (issue 10): one fresh folder per job in the
 * OS temp folder (mode 0700, the file 0600), removed as soon as the job ends, and any folder a
 * crashed run left behind removed at the next start, so that no resident's paper stays on disk.
 * Folders are named rvw-kiosk-print-<pid>-XXXXXX: a folder whose process is still alive belongs to
 * another running host (a test, a second shell) and is left alone, and a name of any other form is
 * not ours and is never touched.
 */
import { mkdtemp, readdir, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The prefix of every print folder. */
export const PRINT_FOLDER_PREFIX = 'rvw-kiosk-print-';
/** A print folder's whole name, as mkdtemp makes it: the prefix, the owner's pid, six characters. */
const PRINT_FOLDER_NAME = /^rvw-kiosk-print-(\d+)-[A-Za-z0-9]{6}$/;

/** A job's file on disk and the folder that holds it. */
export interface PrintFile {
  dir: string;
  file: string;
}

/** Writes `bytes` to a new private folder under `root` (default the OS temp folder). */
export async function writePrintFile(bytes: Uint8Array, root: string = tmpdir()): Promise<PrintFile> {
  const dir = await mkdtemp(join(root, `${PRINT_FOLDER_PREFIX}${process.pid}-`));
  try {
    await chmod(dir, 0o700);
    const file = join(dir, 'document.pdf');
    await writeFile(file, bytes, { mode: 0o600, flag: 'wx' });
    return { dir, file };
  } catch (err) {
    await removePrintFolder(dir);
    throw err;
  }
}

/** Removes a job's folder and everything in it; never throws. */
export async function removePrintFolder(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true }).catch(() => undefined);
}

/** True when a process with this id runs (or exists under another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the print folders under `root` that no live process owns (a crash's leftovers). Returns
 * how many were removed; never throws.
 */
export async function removeStalePrintFolders(root: string = tmpdir()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const owner = PRINT_FOLDER_NAME.exec(name)?.[1];
    if (owner === undefined) continue;
    const pid = Number(owner);
    // This process's own folders belong to jobs running now (another host of the same process).
    if (pid === process.pid || processAlive(pid)) continue;
    await removePrintFolder(join(root, name));
    removed += 1;
  }
  return removed;
}
