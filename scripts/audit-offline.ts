// `node scripts/audit-offline.ts DIR`: checks every package of package-lock.json against
// advisories in the OSV format (https://ossf.github.io/osv-schema/) kept in DIR, e.g. the npm
// ecosystem's export of the OSV database (npm/all.zip), unzipped, fetched on a machine that
// reaches it. For machines whose registry does not answer `npm audit`. Exits 1 when a package's
// version is affected, and lists it with the advisory's id and the first fixed version.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import semver from 'semver';

interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
}
interface OsvAdvisory {
  id: string;
  summary?: string;
  withdrawn?: string;
  affected?: { package?: { ecosystem?: string; name?: string }; ranges?: { type: string; events: OsvEvent[] }[]; versions?: string[] }[];
}

/** Whether `version` falls in one OSV range (events sorted as the schema says: introduced, then fixed/last_affected). */
function inRange(version: string, events: OsvEvent[]): boolean {
  let affected = false;
  for (const e of events) {
    if (e.introduced !== undefined && (e.introduced === '0' || semver.gte(version, e.introduced))) affected = true;
    if (e.fixed !== undefined && semver.gte(version, e.fixed)) affected = false;
    if (e.last_affected !== undefined && semver.gt(version, e.last_affected)) affected = false;
  }
  return affected;
}

export function affects(advisory: OsvAdvisory, name: string, version: string): boolean {
  if (advisory.withdrawn) return false;
  return (advisory.affected ?? []).some(
    (a) =>
      a.package?.ecosystem === 'npm' &&
      a.package.name === name &&
      ((a.versions ?? []).includes(version) ||
        (a.ranges ?? []).some((r) => r.type === 'SEMVER' && semver.valid(version) !== null && inRange(version, r.events))),
  );
}

/** name@version of every package the lockfile installs. */
export async function lockedPackages(lockfile: string): Promise<{ name: string; version: string }[]> {
  const lock = JSON.parse(await readFile(lockfile, 'utf8')) as { packages: Record<string, { version?: string; name?: string }> };
  const out = new Map<string, { name: string; version: string }>();
  for (const [where, p] of Object.entries(lock.packages)) {
    if (!where || !p.version) continue;
    const name = p.name ?? where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
    out.set(`${name}@${p.version}`, { name, version: p.version });
  }
  return [...out.values()];
}

export async function auditOffline(dir: string, lockfile: string): Promise<{ name: string; version: string; id: string; fixed: string | null }[]> {
  const byName = new Map<string, OsvAdvisory[]>();
  for (const file of await readdir(dir)) {
    if (!file.endsWith('.json')) continue;
    const advisory = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as OsvAdvisory;
    for (const a of advisory.affected ?? [])
      if (a.package?.ecosystem === 'npm' && a.package.name) byName.set(a.package.name, [...(byName.get(a.package.name) ?? []), advisory]);
  }
  const findings: { name: string; version: string; id: string; fixed: string | null }[] = [];
  for (const p of await lockedPackages(lockfile)) {
    for (const advisory of byName.get(p.name) ?? []) {
      if (!affects(advisory, p.name, p.version)) continue;
      const fixed =
        advisory.affected
          ?.flatMap((a) => a.ranges ?? [])
          .flatMap((r) => r.events)
          .find((e) => e.fixed && semver.gt(e.fixed, p.version))?.fixed ?? null;
      findings.push({ ...p, id: advisory.id, fixed });
    }
  }
  return findings;
}

if (import.meta.main) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('Usage: node scripts/audit-offline.ts DIR  (DIR: OSV advisories as JSON, e.g. the npm ecosystem export unzipped)');
    process.exit(2);
  }
  const findings = await auditOffline(dir, path.resolve('package-lock.json'));
  for (const f of findings) console.log(`${f.name}@${f.version}: ${f.id}${f.fixed ? ` (fixed in ${f.fixed})` : ''}`);
  console.log(findings.length ? `${findings.length} affected package versions.` : 'No locked package version is affected by these advisories.');
  process.exit(findings.length ? 1 : 0);
}
