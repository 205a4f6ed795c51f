// Sign-in codes and link tokens against the real database: stored only hashed, expire, single use, five tries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { createTestUser } from '../../../tests/factories/users.ts';
import {
  MAX_CODE_ATTEMPTS,
  RESET_LINK_TTL_MS,
  SIGN_IN_CODE_TTL_MS,
  consumeSignInCode,
  createLinkToken,
  createSignInCode,
  findLinkToken,
  hmacCode,
  markTokenUsed,
} from './one-time-codes.ts';

const SECRET = 'test-secret-that-is-long-enough-for-hmac-000';
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const t0 = new Date('2026-11-23T08:00:00Z');
const after = (ms: number) => new Date(t0.getTime() + ms);
const other = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('sign-in codes', () => {
  it('stores only the HMAC-SHA256 of the code', async () => {
    const { user } = await createTestUser(database.db);
    const code = await createSignInCode(database.db, SECRET, user.id, t0);
    expect(code).toMatch(/^\d{6}$/);
    const { rows } = await database.pool.query("SELECT token_hash FROM verification_tokens WHERE user_id = $1 AND purpose = 'sign_in_code'", [user.id]);
    expect(rows[0].token_hash).toBe(hmacCode(SECRET, user.id, code));
    expect(rows[0].token_hash).not.toContain(code);
    expect(hmacCode('another-secret', user.id, code)).not.toBe(rows[0].token_hash);
  });

  it('works once', async () => {
    const { user } = await createTestUser(database.db);
    const code = await createSignInCode(database.db, SECRET, user.id, t0);
    expect(await consumeSignInCode(database.db, SECRET, user.id, code, after(1000))).toBe('ok');
    expect(await consumeSignInCode(database.db, SECRET, user.id, code, after(2000))).toBe('expired');
  });

  it('expires after 10 minutes', async () => {
    const { user } = await createTestUser(database.db);
    const code = await createSignInCode(database.db, SECRET, user.id, t0);
    expect(await consumeSignInCode(database.db, SECRET, user.id, code, after(SIGN_IN_CODE_TTL_MS))).toBe('expired');
    const fresh = await createSignInCode(database.db, SECRET, user.id, t0);
    expect(await consumeSignInCode(database.db, SECRET, user.id, fresh, after(SIGN_IN_CODE_TTL_MS - 1000))).toBe('ok');
  });

  it('allows five wrong tries, then not even the right code', async () => {
    const { user } = await createTestUser(database.db);
    const code = await createSignInCode(database.db, SECRET, user.id, t0);
    for (let i = 0; i < MAX_CODE_ATTEMPTS; i++) expect(await consumeSignInCode(database.db, SECRET, user.id, other(code), t0)).toBe('wrong');
    expect(await consumeSignInCode(database.db, SECRET, user.id, code, t0)).toBe('expired');
  });

  it('a new code replaces the earlier one, and codes belong to one person', async () => {
    const { user } = await createTestUser(database.db);
    const { user: someoneElse } = await createTestUser(database.db);
    const first = await createSignInCode(database.db, SECRET, user.id, t0);
    const second = await createSignInCode(database.db, SECRET, user.id, t0);
    if (first !== second) expect(await consumeSignInCode(database.db, SECRET, user.id, first, t0)).toBe('wrong');
    expect(await consumeSignInCode(database.db, SECRET, someoneElse.id, second, t0)).toBe('expired');
    expect(await consumeSignInCode(database.db, SECRET, user.id, second, t0)).toBe('ok');
  });
});

describe('link tokens (password reset)', () => {
  it('has at least 128 random bits, expires after an hour and is single use', async () => {
    const { user } = await createTestUser(database.db);
    const token = await createLinkToken(database.db, user.id, 'password_reset', RESET_LINK_TTL_MS, t0);
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const { rows } = await database.pool.query('SELECT token_hash FROM verification_tokens WHERE user_id = $1', [user.id]);
    expect(rows[0].token_hash).not.toBe(token);
    expect(await findLinkToken(database.db, token, 'password_reset', after(RESET_LINK_TTL_MS))).toBeNull();
    expect(await findLinkToken(database.db, token, 'email_verification', after(1000))).toBeNull();
    const row = await findLinkToken(database.db, token, 'password_reset', after(RESET_LINK_TTL_MS - 1000));
    expect(row?.userId).toBe(user.id);
    await markTokenUsed(database.db, row!.id, after(2000));
    expect(await findLinkToken(database.db, token, 'password_reset', after(3000))).toBeNull();
  });
});
