import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { redactSecrets } from './redact.ts';

export type { Logger };

export const LOG_FILE_NAME = 'doorman.log';

export function logFilePath(dataDir: string): string {
  return join(dataDir, 'logs', LOG_FILE_NAME);
}

/**
 * Structured JSON lines to `<dataDir>/logs/doorman.log`, every line passed through the redactor.
 * Synchronous writes: log lines are few, and a CLI run that exits at once must not lose its last.
 */
export function createLogger(dataDir: string, level: string = process.env['DOORMAN_LOG_LEVEL'] ?? 'info'): Logger {
  const path = logFilePath(dataDir);
  mkdirSync(join(dataDir, 'logs'), { recursive: true });
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
    pino.destination({ dest: path, sync: true, mkdir: true }),
  );
}

/** A logger that writes nowhere (tests that do not look at logs). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
