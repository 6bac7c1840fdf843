import { APP_VERSION } from '../../app/app-version.ts';
import { latestVersion } from '../../store/migrate.ts';
import { migrations } from '../../store/migrations/index.ts';
import type { Command } from '../context.ts';

export const version: Command = async () => {
  const info = {
    name: 'Doorman',
    version: APP_VERSION,
    schemaVersion: latestVersion(migrations),
    node: process.versions.node,
    platform: `${process.platform}-${process.arch}`,
  };
  return { json: info, text: `Doorman ${info.version} (schema ${info.schemaVersion}, Node ${info.node})` };
};
