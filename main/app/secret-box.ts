import { safeStorage } from 'electron';
import type { SecretBox } from '../api/sync-methods';

/**
 * The system's key store (Keychain, DPAPI, the Secret Service) through Electron's safeStorage: the sync
 * password is kept in the data folder only as what this encrypted (docs/SYNC.md, "Credentials").
 */
export function systemSecrets(): SecretBox {
  return {
    available: () => safeStorage.isEncryptionAvailable(),
    encrypt: (text) => safeStorage.encryptString(text),
    decrypt: (data) => safeStorage.decryptString(data),
  };
}
