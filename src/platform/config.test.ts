import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const TEST_SIGNING_PEM = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIDQ3hw0j/KekgFypAEDIXJvfTG0DOoPBzk6cR0hQyikF\n-----END PRIVATE KEY-----';

describe('configuration from the environment', () => {
  it('has working defaults for a laptop', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: 'localhost',
      dataDir: './data',
      databaseUrl: undefined,
      appUrl: 'http://localhost:3000',
      logLevel: 'info',
      demoSeed: true,
      isProduction: false,
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ APP_URL: 'not a url' }, 'APP_URL'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ JOURNAL_KEY: 'too-short' }, 'JOURNAL_KEY'],
    [{ JOURNAL_KEY: Buffer.alloc(31, 1).toString('base64') }, 'JOURNAL_KEY'],
    [{ JOURNAL_KEY: 'g'.repeat(64) }, 'JOURNAL_KEY'],
    [{ BACKUP_KEY: 'too-short' }, 'BACKUP_KEY'],
    [{ BACKUP_KEY: Buffer.alloc(33, 1).toString('base64') }, 'BACKUP_KEY'],
  ])('stops with one line naming the variable: %o', (env, name) => {
    expect(() => loadConfig(env)).toThrowError(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain(name);
      expect(message).not.toContain('\n');
    }
  });

  it('has no default secrets and no demo data in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', APP_URL: 'https://tyopeili.example.fi', DATABASE_URL: 'postgres://db/x' })).toThrowError(
      /SESSION_SECRET/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) })).toThrowError(/APP_URL/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), APP_URL: 'http://insecure.example' })).toThrowError(/APP_URL/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), APP_URL: 'https://tyopeili.example.fi' })).toThrowError(/JOURNAL_KEY/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), APP_URL: 'https://tyopeili.example.fi', JOURNAL_KEY: 'ab'.repeat(32) })).toThrowError(
      /CREDENTIAL_SIGNING_KEY/,
    );
    const c = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), APP_URL: 'https://tyopeili.example.fi', JOURNAL_KEY: 'ab'.repeat(32), CREDENTIAL_SIGNING_KEY: TEST_SIGNING_PEM });
    expect(c.demoSeed).toBe(false);
    expect(c.sessionSecret).toBe('x'.repeat(40));
  });

  it('reads BACKUP_KEY; outside production one is derived, in production none is made up', () => {
    const key = Buffer.alloc(32, 7);
    expect(loadConfig({ BACKUP_KEY: key.toString('base64') }).backupKey).toEqual(key);
    expect(loadConfig({}).backupKey).toHaveLength(32);
    expect(loadConfig({}).backupKey).not.toEqual(loadConfig({}).journalKey);
    const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), APP_URL: 'https://tyopeili.example.fi', JOURNAL_KEY: 'ab'.repeat(32), CREDENTIAL_SIGNING_KEY: TEST_SIGNING_PEM };
    expect(loadConfig(production).backupKey).toBeNull();
    expect(loadConfig({ ...production, BACKUP_KEY: key.toString('hex') }).backupKey).toEqual(key);
  });

  it('never seeds demo data into a DATABASE_URL database', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/app' }).demoSeed).toBe(false);
  });

  it('reads JOURNAL_KEY as hex or base64, and derives a stable one outside production', () => {
    const key = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
    expect(loadConfig({ JOURNAL_KEY: key.toString('hex') }).journalKey).toEqual(key);
    expect(loadConfig({ JOURNAL_KEY: key.toString('base64') }).journalKey).toEqual(key);
    const derived = loadConfig({}).journalKey;
    expect(derived).toHaveLength(32);
    expect(loadConfig({}).journalKey).toEqual(derived);
    expect(loadConfig({ SESSION_SECRET: 's'.repeat(40) }).journalKey).not.toEqual(derived);
  });

  it('reads CREDENTIAL_SIGNING_KEY as PKCS#8 PEM or JWK, refuses other keys, and derives a stable Ed25519 key outside production', () => {
    const pem = loadConfig({ CREDENTIAL_SIGNING_KEY: TEST_SIGNING_PEM }).credentialSigningKey;
    expect(pem.asymmetricKeyType).toBe('ed25519');
    // The same key written as one line with \n, and as a JWK.
    expect(loadConfig({ CREDENTIAL_SIGNING_KEY: TEST_SIGNING_PEM.replace(/\n/g, '\\n') }).credentialSigningKey.equals(pem)).toBe(true);
    const jwk = JSON.stringify(pem.export({ format: 'jwk' }));
    expect(loadConfig({ CREDENTIAL_SIGNING_KEY: jwk }).credentialSigningKey.equals(pem)).toBe(true);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const publicOnly = JSON.stringify({ ...(pem.export({ format: 'jwk' }) as Record<string, string>), d: undefined });
    for (const bad of [rsa, publicOnly, 'not a key', '{"kty":"OKP"']) {
      expect(() => loadConfig({ CREDENTIAL_SIGNING_KEY: bad })).toThrowError(/^Invalid environment variable CREDENTIAL_SIGNING_KEY: must be an Ed25519 private key/);
    }
    const derived = loadConfig({}).credentialSigningKey;
    expect(derived.asymmetricKeyType).toBe('ed25519');
    expect(loadConfig({}).credentialSigningKey.equals(derived)).toBe(true);
    expect(loadConfig({ SESSION_SECRET: 's'.repeat(40) }).credentialSigningKey.equals(derived)).toBe(false);
  });
});
