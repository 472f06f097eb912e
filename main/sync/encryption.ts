/**
 * End-to-end encryption of what the server stores (docs/SYNC.md, "Encryption"): with a passphrase, every
 * document's content (pictures included) is sealed with AES-256-GCM under a key derived by scrypt, before it
 * leaves this computer; the server keeps ids, revisions and ciphertext. The replica on this computer stays
 * plain, so merging works as without encryption.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
// scrypt's cost: about 0.1 s here, once per sync; 64 MB of memory at most.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** What the database's format document says about its encryption. */
export type EncryptionMarker = { salt: string; check: string };

export function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, KEY_BYTES, SCRYPT, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** base64 of iv | tag | ciphertext. */
export function seal(key: Buffer, plain: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** The plain bytes; throws when the key is wrong or the ciphertext was changed. */
export function unseal(key: Buffer, sealed: string): Buffer {
  const bytes = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

const CHECK = 'hamish';

/** A new database's marker: a random salt, and a known text sealed so that a wrong passphrase is told. */
export async function newMarker(passphrase: string): Promise<{ marker: EncryptionMarker; key: Buffer }> {
  const salt = randomBytes(16);
  const key = await deriveKey(passphrase, salt);
  return { marker: { salt: salt.toString('base64'), check: seal(key, Buffer.from(CHECK)) }, key };
}

/** The key for a database's marker, or null when the passphrase is not the one it was made with. */
export async function keyFor(passphrase: string, marker: EncryptionMarker): Promise<Buffer | null> {
  const key = await deriveKey(passphrase, Buffer.from(marker.salt, 'base64'));
  try {
    return unseal(key, marker.check).toString() === CHECK ? key : null;
  } catch {
    return null;
  }
}

type Doc = Record<string, unknown>;
type Attachment = { content_type?: string; data?: unknown };

/** A document as the server stores it: CouchDB's fields, and everything else sealed in `sealed`. */
export function encryptDoc(key: Buffer, doc: Doc): Doc {
  const kept: Doc = {};
  const content: Doc = {};
  for (const [field, value] of Object.entries(doc)) {
    if (field === '_attachments') {
      const attachments: Record<string, Attachment> = {};
      for (const [name, attachment] of Object.entries(value as Record<string, Attachment>)) {
        const data = attachment.data;
        attachments[name] = {
          content_type: attachment.content_type,
          data: Buffer.isBuffer(data) ? data.toString('base64') : data,
        };
      }
      content._attachments = attachments;
    } else if (field.startsWith('_')) kept[field] = value;
    else content[field] = value;
  }
  return { ...kept, sealed: seal(key, Buffer.from(JSON.stringify(content))) };
}

/** A document from the server opened again; one that is not sealed is passed as it is. */
export function decryptDoc(key: Buffer, doc: Doc): Doc {
  if (typeof doc.sealed !== 'string') return doc;
  const { sealed, ...kept } = doc;
  const content = JSON.parse(unseal(key, sealed).toString()) as Doc;
  return { ...kept, ...content };
}
