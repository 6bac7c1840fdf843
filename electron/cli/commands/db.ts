import { storeStatus } from '../../store/database.ts';
import { UsageError } from '../cli-error.ts';
import type { Command } from '../context.ts';

export const db: Command = async (ctx, args) => {
  if (args[0] !== 'status') throw new UsageError('cli.unknownCommand', { command: `db ${args[0] ?? ''}`.trim() });
  const status = storeStatus(ctx.core().store);
  const text = ctx.t('cli.dbStatus', {
    path: status.path,
    version: status.schemaVersion,
    latest: status.latestSchemaVersion,
    size: status.sizeBytes,
    journal: status.journalMode,
  });
  return { json: status, text };
};
