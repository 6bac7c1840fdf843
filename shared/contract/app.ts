import { z } from 'zod';
import { method } from './define.ts';

export const AppInfoSchema = z.strictObject({
  name: z.literal('Doorman'),
  version: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  dataDir: z.string(),
  /** Which way the renderer reaches the core: Electron IPC or the local WebSocket server. */
  runtime: z.enum(['electron', 'node']),
  secretBox: z.enum(['safe-storage', 'key-file']),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const appMethods = {
  'app.info': method(z.strictObject({}), AppInfoSchema),
};
