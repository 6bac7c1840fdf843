import { chmodSync, lstatSync, mkdirSync, readdirSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { KEY_FILE_NAME } from '../secrets/key-file-secret-box.ts';
import { DB_FILE_NAME } from '../store/database.ts';

/** Owner-only: what holds names, ID numbers, faces and keys is nobody else's to read. */
const PRIVATE_DIR_MODE = 0o700;
const PRIVATE_FILE_MODE = 0o600;

/**
 * What Doorman keeps in its data folder, each holding personal data. Only these are tightened:
 * the folder may be shared (Electron's userData holds the browser profile; `--data-dir` may name
 * a folder with the user's own files), and what is not Doorman's is not Doorman's to change.
 */
const PERSONAL_DATA = [
  DB_FILE_NAME,
  `${DB_FILE_NAME}-wal`,
  `${DB_FILE_NAME}-shm`,
  `${DB_FILE_NAME}-journal`,
  KEY_FILE_NAME,
  'logs',
  'faces',
  'imports',
] as const;

function statOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}

/** Takes group and other permissions away from one file or folder (never through a link). */
function tighten(path: string, stats: Stats): void {
  if (stats.isSymbolicLink()) return;
  if ((stats.mode & 0o077) === 0) return;
  chmodSync(path, stats.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE);
}

function tightenTree(path: string): void {
  const stats = statOrNull(path);
  if (!stats) return;
  tighten(path, stats);
  if (!stats.isDirectory()) return;
  for (const entry of readdirSync(path)) tightenTree(join(path, entry));
}

/** Creates the data folder owner-only, or takes others' access away from an existing one. */
export function ensurePrivateDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (process.platform === 'win32') return; // the user profile's ACLs, not mode bits, protect it there
  const stats = statOrNull(dataDir);
  if (stats) tighten(dataDir, stats);
}

/**
 * Makes the data folder and everything Doorman keeps in it owner-only (folders 0700, files 0600),
 * as it is done for the key file: on every open, so a folder an older Doorman, a copy or a loose
 * umask left readable is closed again. Runs after the store, key and log are open, so what they
 * have just created is covered too.
 */
export function tightenDataDir(dataDir: string): void {
  ensurePrivateDataDir(dataDir);
  if (process.platform === 'win32') return;
  for (const name of PERSONAL_DATA) tightenTree(join(dataDir, name));
}
