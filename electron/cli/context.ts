import type { i18n as I18n } from 'i18next';
import type { Lang } from '../../shared/i18n/index.ts';
import type { Core } from '../core/create-core.ts';

export interface CommandContext {
  readonly lang: Lang;
  readonly t: I18n['t'];
  readonly dataDir: string;
  /** The environment (secrets a command may take from a variable rather than the command line). */
  readonly env: NodeJS.ProcessEnv;
  /** The command's options (--site, --url…), as parsed. */
  readonly options: Readonly<Record<string, string | boolean | string[] | undefined>>;
  /** Opens the store on first use: `version` and `--help` never touch the data folder. */
  core(): Core;
  /**
   * Output while the command runs (its result is printed by run.ts): a line on stdout, a line on
   * stderr, and the progress line on stderr, rewritten in place on a terminal (null clears it;
   * nothing when stderr is not a terminal). All pass through terminalText: never a raw control
   * character.
   */
  print(line: string): void;
  say(line: string): void;
  status(text: string | null): void;
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
