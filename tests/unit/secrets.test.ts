import { describe, expect, it } from 'vitest';
import {
  credentialsSavedAt,
  deleteCredentials,
  loadCredentials,
  openSecrets,
  saveCredentials,
} from '@/storage/secrets';

const CANARY = 'pat-na1-CANARY-0d9f8e7c';

describe('encrypted credentials', () => {
  it('round-trips credentials and stores no plain text', async () => {
    const db = openSecrets('secrets-' + Math.random());
    await saveCredentials(db, 'hubspot-1', { token: CANARY });
    expect(await loadCredentials(db, 'hubspot-1')).toEqual({ token: CANARY });
    const row = await db.secrets.get('hubspot-1');
    const stored = new TextDecoder().decode(new Uint8Array(row!.data)) + JSON.stringify(row);
    expect(stored).not.toContain(CANARY);
    expect(await credentialsSavedAt(db, 'hubspot-1')).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('keeps one key that cannot be exported', async () => {
    const db = openSecrets('secrets-' + Math.random());
    await saveCredentials(db, 'a', { k: '1' });
    await saveCredentials(db, 'b', { k: '2' });
    expect(await db.keys.count()).toBe(1);
    const { key } = (await db.keys.get('master'))!;
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('uses a fresh IV per save, so the same secret encrypts differently', async () => {
    const db = openSecrets('secrets-' + Math.random());
    await saveCredentials(db, 'a', { k: CANARY });
    const first = await db.secrets.get('a');
    await saveCredentials(db, 'a', { k: CANARY });
    const second = await db.secrets.get('a');
    expect(Buffer.from(first!.iv).equals(Buffer.from(second!.iv))).toBe(false);
  });

  it('refuses tampered data instead of returning garbage, and deletes', async () => {
    const db = openSecrets('secrets-' + Math.random());
    await saveCredentials(db, 'a', { k: CANARY });
    const row = (await db.secrets.get('a'))!;
    const bytes = new Uint8Array(row.data.slice(0));
    bytes[0] = bytes[0]! ^ 0xff;
    await db.secrets.put({ ...row, data: bytes.buffer });
    await expect(loadCredentials(db, 'a')).rejects.toThrow();
    await deleteCredentials(db, 'a');
    expect(await loadCredentials(db, 'a')).toBeUndefined();
  });
});
