/** A mistake in how the command was typed: exit code 2, with the usage line and where to find the rest. */
export class UsageError extends Error {
  readonly key: string;
  readonly params: Record<string, string>;

  constructor(key: string, params: Record<string, string> = {}) {
    super(key);
    this.name = 'UsageError';
    this.key = key;
    this.params = params;
  }
}

/**
 * A file the command was given but cannot use (a photo that is not one): exit code 1, the message
 * and a one-line hint of what to do, not the usage of every command (issue 12 item 17).
 */
export class InputFileError extends Error {
  readonly key: string;
  readonly params: Record<string, string>;
  readonly hintKey: string;

  constructor(key: string, params: Record<string, string>, hintKey: string) {
    super(key);
    this.name = 'InputFileError';
    this.key = key;
    this.params = params;
    this.hintKey = hintKey;
  }
}
