import type { i18n as I18n } from 'i18next';
import type { Lang } from '../../shared/i18n/index.ts';
import type { Core } from '../core/create-core.ts';

export interface CommandContext {
  readonly lang: Lang;
  readonly t: I18n['t'];
  readonly dataDir: string;
  /** The command's options (--site, --url…), as parsed. */
  readonly options: Readonly<Record<string, string | boolean | string[] | undefined>>;
  /** Opens the store on first use: `version` and `--help` never touch the data folder. */
  core(): Core;
}

/** What a command produced: the JSON for `--json`, the lines for people otherwise. */
export interface CommandResult {
  readonly json: unknown;
  readonly text: string;
  /** Non-zero when the command ran but its answer is a failure (e.g. a connection test that failed). */
  readonly exitCode?: number;
  /** Nothing to print (the command wrote its own output). */
  readonly silent?: boolean;
}

export type Command = (ctx: CommandContext, args: readonly string[]) => Promise<CommandResult>;
