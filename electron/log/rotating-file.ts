import { closeSync, fchmodSync, fstatSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';

export interface RotationLimits {
  /** A log file is rotated before a line would take it past this size. */
  readonly maxBytes: number;
  /** Rotated files kept (`doorman.log.1` newest … `.keep` oldest); older ones are deleted. */
  readonly keep: number;
}

/** 4 files of 5 MiB at most: 20 MiB of log, whatever is sent to the receivers. */
const LOG_ROTATION: RotationLimits = { maxBytes: 5 * 1024 * 1024, keep: 3 };

/** Log files hold addresses, names and errors: this user only. */
const FILE_MODE = 0o600;

/**
 * A log file that rotates by size, written synchronously line by line (a CLI run that exits at
 * once keeps its last line). Lines are never split across files. Several processes may write the
 * same log (the app beside a CLI run): the one that finds the file already rotated by another
 * reopens it instead of rotating again.
 */
export class RotatingFile {
  private readonly path: string;
  private readonly limits: RotationLimits;
  private fd: number;
  private size: number;

  constructor(path: string, limits: Partial<RotationLimits> = {}) {
    this.path = path;
    this.limits = { ...LOG_ROTATION, ...limits };
    this.fd = this.open();
    this.size = fstatSync(this.fd).size;
  }

  /** pino's destination interface: one complete line per call. */
  write(line: string): boolean {
    const bytes = Buffer.byteLength(line);
    if (this.size > 0 && this.size + bytes > this.limits.maxBytes) this.rotate();
    writeSync(this.fd, line);
    this.size += bytes;
    return true;
  }

  close(): void {
    closeSync(this.fd);
  }

  private open(): number {
    const fd = openSync(this.path, 'a', FILE_MODE);
    // A file from an older version (or made under another umask) is tightened too.
    fchmodSync(fd, FILE_MODE);
    return fd;
  }

  private rotate(): void {
    const ours = fstatSync(this.fd).ino;
    closeSync(this.fd);
    let rotated = true;
    try {
      if (inodeOf(this.path) === ours) {
        rmSync(`${this.path}.${this.limits.keep}`, { force: true });
        for (let n = this.limits.keep - 1; n >= 1; n--) moveIfThere(`${this.path}.${n}`, `${this.path}.${n + 1}`);
        if (this.limits.keep > 0) moveIfThere(this.path, `${this.path}.1`);
        else rmSync(this.path, { force: true });
      }
    } catch {
      // Windows refuses to rename a file another process holds open: keep writing to it, and try
      // again after another maxBytes rather than on every line.
      rotated = false;
    }
    this.fd = this.open();
    this.size = rotated ? fstatSync(this.fd).size : 0;
  }
}

function inodeOf(path: string): number | null {
  try {
    return statSync(path).ino;
  } catch {
    return null;
  }
}

function moveIfThere(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
