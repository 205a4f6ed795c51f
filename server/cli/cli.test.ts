// The command line as an administrator runs it: a real process on a real database. --help and exit
// codes (0 done, 1 the work failed, 2 the command line or configuration is wrong), create-admin with
// a piped password, import (a Finnish dry run, a commit, the same commit again), export of the
// evaluation, and the policies deciding as on the pages.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestMember, createTestOrganization } from '../../tests/factories/organizations.ts';
import { createTestDatabase, type TestDatabase } from '../../tests/setup/database.ts';
import { users } from '../../src/features/accounts/accounts.schema.ts';
import { verifyPassword } from '../../src/features/accounts/password.ts';
import { memberships } from '../../src/features/organizations/organizations.schema.ts';
import { auditLog } from '../../src/platform/audit/audit.schema.ts';

let database: TestDatabase;
let dir = '';
let slug = '';
let coordinatorEmail = '';
let facilitatorEmail = '';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['server/cli/main.ts', ...args],
      { env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'silent', DATABASE_URL: database.url, DATA_DIR: dir, ...options.env }, encoding: 'buffer', maxBuffer: 20 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout: stdout.toString('utf8'), stderr: stderr.toString('utf8') }),
    );
    child.stdin?.end(options.input ?? '');
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'tyopeili-cli-'));
  const org = await createTestOrganization(database.db, { name: 'Porin Seudun Yrityspalvelut' });
  slug = org.slug;
  coordinatorEmail = (await createTestMember(database.db, { organizationId: org.id, role: 'coordinator' })).email;
  facilitatorEmail = (await createTestMember(database.db, { organizationId: org.id, role: 'facilitator' })).email;
}, 60_000);

afterAll(async () => {
  await database?.drop();
});

describe('the command line', () => {
  it('explains itself and exits 2 on a wrong command line', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['migrate', 'seed', 'create-admin', 'backup', 'restore', 'export', 'import']) expect(help.stdout).toContain(command);
    expect((await cli(['import', '--help'])).stdout).toContain('--skip-invalid');
    const unknown = await cli(['bogus']);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toContain("unknown command 'bogus'");
    const missing = await cli(['import', 'x.csv']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--organization');
  });

  it('stops with one line naming a wrong environment variable', async () => {
    const run = await cli(['migrate'], { env: { PORT: 'lots' } });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^Invalid environment variable PORT/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('migrates', async () => {
    const run = await cli(['migrate']);
    expect(run).toMatchObject({ code: 0, stdout: 'Migrations are up to date in the database at DATABASE_URL.\n' });
  });

  it('creates an administrator with a piped password that passes the policy, and refuses a weak one', async () => {
    const weak = await cli(['create-admin', '--email', 'paakayttaja@example.fi', '--name', 'Pää Käyttäjä', '--organization', 'Työpeili-palvelu'], { input: 'salasana\n' });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/^Password not accepted/);
    const run = await cli(['create-admin', '--email', 'Paakayttaja@example.fi', '--name', 'Pää Käyttäjä', '--organization', 'Työpeili-palvelu'], { input: 'kuusi hevosta laukkaa niityllä\n' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('the new organisation "Työpeili-palvelu"');
    const [user] = await database.db.select().from(users).where(eq(users.email, 'paakayttaja@example.fi'));
    expect(await verifyPassword(user!.passwordHash!, 'kuusi hevosta laukkaa niityllä')).toBe(true);
    const [membership] = await database.db.select().from(memberships).where(eq(memberships.userId, user!.id));
    expect(membership!.role).toBe('admin');
    const again = await cli(['create-admin', '--email', 'paakayttaja@example.fi', '--name', 'X', '--organization', 'Y'], { input: 'kuusi hevosta laukkaa niityllä\n' });
    expect(again).toMatchObject({ code: 1, stderr: 'An account with the e-mail paakayttaja@example.fi already exists.\n' });
  });

  it('imports: a dry run lists each row\'s errors in Finnish and writes nothing; a commit writes; the same commit again changes nothing', async () => {
    const bad = join(dir, 'osallistujat.csv');
    // Windows-1252, as Excel in Finland saves "CSV (semicolon)".
    const text = 'Nimi;Sähköposti;Y-tunnus;Yritys;Kunta\r\nAino Aalto;aino@example.fi;0112038-8;Aallon Puutyö;Porii\r\nEero Esimerkki;AINO@example.fi;;;\r\n';
    await writeFile(bad, Buffer.from(text, 'latin1'));
    const dry = await cli(['import', bad, '--organization', slug, '--as', coordinatorEmail]);
    expect(dry.code).toBe(1);
    expect(dry.stderr).toContain('(CSV, windows-1252, ";")');
    expect(dry.stdout.split('\n')).toEqual([
      'Rivi 2, Y-tunnus: Y-tunnus ”0112038-8” ei ole kelvollinen (muoto 1234567-8 ja tarkistusnumero).',
      'Rivi 2, kunta: Tuntematon kunta: ”Porii”. Käytä kunnan nimeä tai Tilastokeskuksen kuntanumeroa.',
      'Rivi 3, sähköposti: Sähköpostiosoite ”AINO@example.fi” on tiedostossa jo rivillä 2.',
      'Koeajo: 2 riviä, 0 kunnossa, 2 virheellistä. Mitään ei tallennettu.',
      '',
    ]);
    const refused = await cli(['import', bad, '--organization', slug, '--as', coordinatorEmail, '--commit']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Nothing imported: 2 row(s) have errors.');

    const good = join(dir, 'korjattu.csv');
    await writeFile(good, '\uFEFFname,email,business id,company,municipality\nAino Aalto,aino@example.fi,0112038-9,Aallon Puutyö,Pori\nEero Esimerkki,eero@example.fi,,,\n');
    const committed = await cli(['import', good, '--organization', slug, '--as', coordinatorEmail, '--commit', '--lang', 'en']);
    expect(committed.stderr).toContain('Importing: 2/2 (100 %)');
    expect(committed.code).toBe(0);
    expect(committed.stdout).toContain('Imported: companies 1 new and 0 completed, people 2 new, 0 added to the organisation and 0 completed; 0 unchanged. Invitations sent: 0.');
    const again = await cli(['import', good, '--organization', slug, '--as', coordinatorEmail, '--commit', '--lang', 'en']);
    expect(again.stdout).toContain('people 0 new, 0 added to the organisation and 0 completed; 3 unchanged.');
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'import.committed')));
    expect(audit!.metadata).toMatchObject({ source: 'korjattu.csv' });

    const asFacilitator = await cli(['import', good, '--organization', slug, '--as', facilitatorEmail, '--commit']);
    expect(asFacilitator).toMatchObject({ code: 1 });
    expect(asFacilitator.stderr).toContain(`${facilitatorEmail} may not import into ${slug}.`);
  });

  it('says plainly when the file cannot be read', async () => {
    const broken = join(dir, 'rikki.xlsx');
    await writeFile(broken, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]));
    const run = await cli(['import', broken, '--organization', slug, '--as', coordinatorEmail]);
    expect(run).toMatchObject({ code: 1, stderr: 'Tiedostoa ei voi lukea. Tallenna se CSV- tai XLSX-muodossa.\n' });
    expect((await cli(['import', join(dir, 'ei-ole.csv'), '--organization', slug, '--as', coordinatorEmail])).code).toBe(2);
  });

  it('exports the evaluation as CSV and XLSX as the coordinator, audit-logged, and refuses a facilitator', async () => {
    const csv = await cli(['export', '--organization', slug, '--as', coordinatorEmail, '--period', 'recent']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('\uFEFF')).toBe(true);
    const out = join(dir, 'arviointi.xlsx');
    const xlsx = await cli(['export', '--organization', slug, '--as', coordinatorEmail, '--format', 'xlsx', '--out', out]);
    expect(xlsx.code).toBe(0);
    expect((await readFile(out)).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.action, 'outcomes.evaluation_export'));
    expect(audits.length).toBeGreaterThanOrEqual(2);
    const refused = await cli(['export', '--organization', slug, '--as', facilitatorEmail]);
    expect(refused.code).toBe(1);
    expect((await cli(['export', '--organization', 'ei-ole', '--as', coordinatorEmail])).code).toBe(2);
  });
});
