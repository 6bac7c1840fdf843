import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { redactSecrets } from './redact.ts';
import { RotatingFile, type RotationLimits } from './rotating-file.ts';

export type { Logger };

const LOG_FILE_NAME = 'doorman.log';

export function logFilePath(dataDir: string): string {
  return join(dataDir, 'logs', LOG_FILE_NAME);
}

interface LoggerOptions {
  readonly level?: string;
  /** Smaller files than Doorman's 5 MiB × 4 (tests). */
  readonly rotation?: Partial<RotationLimits>;
}

/**
 * Structured JSON lines to `<dataDir>/logs/doorman.log`, every line passed through the redactor,
 * rotated by size (doorman.log.1 … .3). Synchronous writes: log lines are few, and a CLI run that
 * exits at once must not lose its last.
 */
export function createLogger(dataDir: string, options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env['DOORMAN_LOG_LEVEL'] ?? 'info';
  mkdirSync(join(dataDir, 'logs'), { recursive: true, mode: 0o700 });
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: (object) => redactSecrets(object) as Record<string, unknown> },
      hooks: {
        // The message string is redacted too (a URL with ?access_token=… in a message).
        logMethod(args, method) {
          method.apply(this, args.map((arg) => redactSecrets(arg)) as Parameters<typeof method>);
        },
      },
    },
    new RotatingFile(logFilePath(dataDir), options.rotation),
  );
}

/** A logger that writes nowhere (tests that do not look at logs). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
