import { safeStorage } from 'electron';
import { SEALED_PREFIX, sealedKind, type SecretBox } from '../secrets/secret-box.ts';
import { ApiError } from '../../shared/contract/errors.ts';

/**
 * The OS keychain (Keychain, DPAPI, libsecret/kwallet) through Electron's safeStorage, or null
 * when it is not really available: on Linux without a keyring Electron falls back to a fixed
 * password ("basic_text"), which protects nothing, and the key-file box is used instead.
 */
export function safeStorageBox(): SecretBox | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  const prefix = SEALED_PREFIX['safe-storage'];
  return {
    kind: 'safe-storage',
    seal: (plain) => prefix + safeStorage.encryptString(plain).toString('base64'),
    open(sealed) {
      if (sealedKind(sealed) !== 'safe-storage') {
        throw new ApiError('secret_unreadable', 'The value was not sealed by the OS keychain.', {
          reason: 'it was not sealed by the operating system keychain',
        });
      }
      try {
        return safeStorage.decryptString(Buffer.from(sealed.slice(prefix.length), 'base64'));
      } catch {
        throw new ApiError('secret_unreadable', 'The OS keychain could not decrypt the value.', {
          reason: 'the operating system keychain refused it (another user or machine?)',
        });
      }
    },
  };
}
