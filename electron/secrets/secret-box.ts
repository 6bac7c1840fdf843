/**
 * Seals credentials for storage. Every credential Doorman keeps (tokens, app secrets, keys) goes
 * through one of these and is stored only sealed. The sealed form names the box that made it, so a
 * value sealed by the desktop app's OS keychain is recognised (and explained) in a plain Node run.
 */
export interface SecretBox {
  readonly kind: 'safe-storage' | 'key-file';
  seal(plain: string): string;
  open(sealed: string): string;
}

/** Prefixes of sealed values: version 1, then the box. */
export const SEALED_PREFIX = {
  'safe-storage': 'v1.ss.',
  'key-file': 'v1.kf.',
} as const;

export function sealedKind(sealed: string): SecretBox['kind'] | undefined {
  if (sealed.startsWith(SEALED_PREFIX['safe-storage'])) return 'safe-storage';
  if (sealed.startsWith(SEALED_PREFIX['key-file'])) return 'key-file';
  return undefined;
}
