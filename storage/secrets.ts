/**
 * Credentials for data sources (API keys, tokens), encrypted at rest: AES-GCM with a key that
 * WebCrypto generates as non-extractable and that lives only in this extension's IndexedDB
 * (a CryptoKey is stored as an opaque object; its bytes cannot be read back, not even by us).
 * storage.local is not encrypted and content scripts could read it, so no secret goes there.
 * Secrets are written and used here and in the background; the UI only learns whether one is set.
 */
import Dexie, { type Table } from 'dexie';

interface KeyRow {
  id: 'master';
  key: CryptoKey;
}
interface SecretRow {
  sourceId: string;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
  savedAt: string;
}

class SecretsDB extends Dexie {
  keys!: Table<KeyRow, string>;
  secrets!: Table<SecretRow, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ keys: 'id', secrets: 'sourceId' });
  }
}

let shared: SecretsDB | undefined;
export function openSecrets(name = 'backstory-secrets'): SecretsDB {
  return name === 'backstory-secrets' ? (shared ??= new SecretsDB(name)) : new SecretsDB(name);
}

async function masterKey(db: SecretsDB): Promise<CryptoKey> {
  const existing = await db.keys.get('master');
  if (existing) return existing.key;
  // Generated outside the transaction (WebCrypto is not IndexedDB: awaiting it inside would
  // commit the transaction early); the transaction then keeps the first key if two raced.
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  return db.transaction('rw', db.keys, async () => {
    const row = await db.keys.get('master');
    if (row) return row.key;
    await db.keys.put({ id: 'master', key });
    return key;
  });
}

export async function saveCredentials(
  db: SecretsDB,
  sourceId: string,
  credentials: Record<string, string>,
): Promise<void> {
  const key = await masterKey(db);
  const iv = crypto.getRandomValues(new Uint8Array(new ArrayBuffer(12)));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    new TextEncoder().encode(JSON.stringify(credentials)),
  );
  await db.secrets.put({ sourceId, iv, data, savedAt: new Date().toISOString() });
}

export async function loadCredentials(db: SecretsDB, sourceId: string): Promise<Record<string, string> | undefined> {
  const row = await db.secrets.get(sourceId);
  if (!row) return undefined;
  const key = await masterKey(db);
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: row.iv }, key, row.data);
  return JSON.parse(new TextDecoder().decode(plain)) as Record<string, string>;
}

/** What the options page may know: whether a secret is set, and since when. */
export async function credentialsSavedAt(db: SecretsDB, sourceId: string): Promise<string | undefined> {
  return (await db.secrets.get(sourceId))?.savedAt;
}

export async function deleteCredentials(db: SecretsDB, sourceId: string): Promise<void> {
  await db.secrets.delete(sourceId);
}
