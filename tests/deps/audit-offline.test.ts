// The offline advisory check (scripts/audit-offline.ts) on OSV records made here: an advisory
// whose range holds the locked fflate is found with its fixed version; one fixed before the
// locked version, a withdrawn one and one for another ecosystem are not.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditOffline, lockedPackages } from '../../scripts/audit-offline.ts';

const osv = (id: string, name: string, events: object[], extra: object = {}, ecosystem = 'npm') => ({
  id,
  affected: [{ package: { ecosystem, name }, ranges: [{ type: 'SEMVER', events }] }],
  ...extra,
});

describe('offline advisories', () => {
  it('reads the lockfile and finds exactly the affected locked versions', async () => {
    const lockfile = resolve('package-lock.json');
    const fflate = (await lockedPackages(lockfile)).find((p) => p.name === 'fflate');
    expect(fflate?.version).toBe('0.8.3');
    const dir = await mkdtemp(join(tmpdir(), 'tyopeili-osv-'));
    await writeFile(join(dir, 'A.json'), JSON.stringify(osv('TEST-AFFECTED', 'fflate', [{ introduced: '0' }, { fixed: '0.8.4' }])));
    await writeFile(join(dir, 'B.json'), JSON.stringify(osv('TEST-FIXED-BEFORE', 'fflate', [{ introduced: '0' }, { fixed: '0.8.0' }])));
    await writeFile(join(dir, 'C.json'), JSON.stringify(osv('TEST-WITHDRAWN', 'fflate', [{ introduced: '0' }], { withdrawn: '2026-01-01T00:00:00Z' })));
    await writeFile(join(dir, 'D.json'), JSON.stringify(osv('TEST-PYPI', 'fflate', [{ introduced: '0' }], {}, 'PyPI')));
    await writeFile(join(dir, 'E.json'), JSON.stringify(osv('TEST-LAST', 'fflate', [{ introduced: '0.8.0' }, { last_affected: '0.8.3' }])));
    const findings = await auditOffline(dir, lockfile);
    expect(findings.map((f) => f.id).sort()).toEqual(['TEST-AFFECTED', 'TEST-LAST']);
    expect(findings.find((f) => f.id === 'TEST-AFFECTED')).toMatchObject({ name: 'fflate', version: '0.8.3', fixed: '0.8.4' });
  });
});
