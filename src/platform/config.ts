// Configuration comes only from environment variables, validated once at start.
// A wrong or missing variable stops the app with one line naming it.
import { z } from 'zod';
import type { KeyObject } from 'node:crypto';
import { deriveKey, ed25519KeyFromSeed, parseEd25519PrivateKey } from './crypto.ts';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || isUrlWithProtocol(v, protocols), {
      message: `must be a URL starting with ${protocols.map((p) => p + '//').join(' or ')}`,
    });

function isUrlWithProtocol(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('localhost'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
  DATABASE_REPLICA_URL: optionalUrl(['postgres:', 'postgresql:']),
  DATABASE_DIRECT_URL: optionalUrl(['postgres:', 'postgresql:']),
  APP_URL: optionalUrl(['http:', 'https:']),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JOURNAL_KEY: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || parseKey32(v) !== null, { message: 'must be 32 bytes as base64 (44 characters) or hex (64 characters)' }),
  BACKUP_KEY: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || parseKey32(v) !== null, { message: 'must be 32 bytes as base64 (44 characters) or hex (64 characters)' }),
  CREDENTIAL_SIGNING_KEY: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || parseEd25519PrivateKey(v) !== null, {
      message: 'must be an Ed25519 private key as PKCS#8 PEM (openssl genpkey -algorithm ed25519) or as a JWK ({"kty":"OKP","crv":"Ed25519","d":…,"x":…})',
    }),
  SMTP_URL: optionalUrl(['smtp:', 'smtps:']),
  MAIL_FROM: z.string().trim().min(3).default('Työpeili <noreply@tyopeili.localhost>'),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0', ''])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  WORKER: z.enum(['inprocess', 'off']).default('inprocess'),
  DEMO_SEED: z.enum(['auto', 'off']).default('auto'),
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((v) => (v ?? '').split(',').map((h) => h.trim().toLowerCase()).filter((h) => h !== ''))
    .refine((hosts) => hosts.every(isAllowedHostEntry), {
      message: 'must be a comma-separated list of host or host:port (e.g. hooks.internal:8443,10.0.0.5), without a scheme or path',
    }),
});

/** One WEBHOOK_ALLOWED_HOSTS entry: a host name, an IPv4 address or a bracketed IPv6 address, with an optional port. */
function isAllowedHostEntry(entry: string): boolean {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(entry);
  if (!m) return false;
  if (m[2] !== undefined && (Number(m[2]) < 1 || Number(m[2]) > 65535)) return false;
  return true;
}

export type Env = z.infer<typeof envSchema>;

export interface Config {
  nodeEnv: Env['NODE_ENV'];
  isProduction: boolean;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** A streaming replica for the evaluation and report reads; undefined: they go to the primary. */
  databaseReplicaUrl: string | undefined;
  /**
   * The server itself when DATABASE_URL goes through a pooler in transaction mode (PgBouncer):
   * migrations (under a session advisory lock) and the job queue connect here; undefined: DATABASE_URL.
   */
  databaseDirectUrl: string | undefined;
  appUrl: string;
  sessionSecret: string;
  /** Key-encryption key for the private journal (wraps each person's data key). */
  journalKey: Buffer;
  /** Seals backups (src/platform/backup). Null in production without BACKUP_KEY: no backups are written. */
  backupKey: Buffer | null;
  /** The Ed25519 private key that signs the Open Badges credentials (src/features/certificates); its public half is published as a JWKS. */
  credentialSigningKey: KeyObject;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: Env['LOG_LEVEL'];
  trustProxy: boolean;
  runWorkerInProcess: boolean;
  demoSeed: boolean;
  /**
   * Webhook hosts (host or host:port, lower case) exempt from the address guard: an endpoint on an
   * internal address, or plain http in production, only when listed here (WEBHOOK_ALLOWED_HOSTS).
   */
  webhookAllowedHosts: string[];
}

export class ConfigError extends Error {}

/** 32 bytes given as 64 hex digits or as base64; null when it is neither. */
export function parseKey32(value: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return null;
  const bytes = Buffer.from(value, 'base64');
  return bytes.length === 32 ? bytes : null;
}

/** Development-only fallback; production refuses to start without its own. */
const DEV_SESSION_SECRET = 'dev-only-session-secret-not-for-production-use-000';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`Invalid environment variable ${name}: ${issue.message}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  if (isProduction) {
    if (!e.SESSION_SECRET) throw new ConfigError('Missing environment variable SESSION_SECRET: required when NODE_ENV=production (at least 32 characters)');
    if (!e.APP_URL) throw new ConfigError('Missing environment variable APP_URL: required when NODE_ENV=production (e.g. https://tyopeili.example.fi)');
    if (!e.APP_URL.startsWith('https://')) throw new ConfigError('Invalid environment variable APP_URL: must start with https:// when NODE_ENV=production');
    if (!e.JOURNAL_KEY)
      throw new ConfigError('Missing environment variable JOURNAL_KEY: required when NODE_ENV=production (32 bytes, e.g. openssl rand -base64 32)');
    if (!e.CREDENTIAL_SIGNING_KEY)
      throw new ConfigError('Missing environment variable CREDENTIAL_SIGNING_KEY: required when NODE_ENV=production (an Ed25519 private key, e.g. openssl genpkey -algorithm ed25519)');
  }
  if (e.DATABASE_DIRECT_URL && !e.DATABASE_URL)
    throw new ConfigError('Invalid environment variable DATABASE_DIRECT_URL: needs DATABASE_URL (it is the direct address of that server)');
  if (e.DATABASE_REPLICA_URL && !e.DATABASE_URL)
    throw new ConfigError('Invalid environment variable DATABASE_REPLICA_URL: needs DATABASE_URL (a replica of the embedded database is not possible)');
  const sessionSecret = e.SESSION_SECRET ?? DEV_SESSION_SECRET;
  const shownHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? 'localhost' : e.HOST;
  return {
    nodeEnv: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    databaseReplicaUrl: e.DATABASE_REPLICA_URL,
    databaseDirectUrl: e.DATABASE_DIRECT_URL,
    appUrl: (e.APP_URL ?? `http://${shownHost}:${e.PORT}`).replace(/\/+$/, ''),
    sessionSecret,
    // Outside production a stable key follows from the session secret, so a laptop's
    // journal stays readable across restarts without one more variable to set.
    journalKey: e.JOURNAL_KEY ? parseKey32(e.JOURNAL_KEY)! : deriveKey(sessionSecret, 'journal-key-encryption-key'),
    // As for the journal: a laptop backs up without one more variable; production needs its own.
    backupKey: e.BACKUP_KEY ? parseKey32(e.BACKUP_KEY)! : isProduction ? null : deriveKey(sessionSecret, 'backup-key'),
    // As for the journal: outside production a stable Ed25519 key follows from the session secret
    // (the same seed gives the same key, so a laptop's credentials stay verifiable across restarts).
    credentialSigningKey: e.CREDENTIAL_SIGNING_KEY
      ? parseEd25519PrivateKey(e.CREDENTIAL_SIGNING_KEY)!
      : ed25519KeyFromSeed(deriveKey(sessionSecret, 'credential-signing-key')),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    runWorkerInProcess: e.WORKER === 'inprocess',
    // Demo data only ever goes into the embedded database, never a DATABASE_URL one.
    demoSeed: !isProduction && e.DEMO_SEED === 'auto' && !e.DATABASE_URL,
    webhookAllowedHosts: e.WEBHOOK_ALLOWED_HOSTS,
  };
}
