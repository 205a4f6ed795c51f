// The circle check that `npm run lint` runs (scripts/check-import-circles.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findCircles, importGraph, type ImportGraph } from '../scripts/check-import-circles.ts';

const graph = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

describe('findCircles', () => {
  // Strongly connected components of more than one node (Tarjan 1972; e.g. Cormen et al., ch. 22.5).
  const cases: { name: string; edges: Record<string, string[]>; circles: string[][] }[] = [
    { name: 'a chain has none', edges: { a: ['b'], b: ['c'], c: [] }, circles: [] },
    { name: 'a self-import is no circle of files', edges: { a: ['a'] }, circles: [] },
    { name: 'two files importing each other', edges: { a: ['b'], b: ['a'] }, circles: [['a', 'b']] },
    { name: 'a triangle with a tail', edges: { t: ['a'], a: ['b'], b: ['c'], c: ['a'] }, circles: [['a', 'b', 'c']] },
    {
      // CLRS figure 22.9: components {a,b,e}, {c,d}, {f,g}, {h}.
      name: 'the textbook graph',
      edges: { a: ['b'], b: ['c', 'e', 'f'], c: ['d', 'g'], d: ['c', 'h'], e: ['a', 'f'], f: ['g'], g: ['f', 'h'], h: ['h'] },
      circles: [['a', 'b', 'e'], ['c', 'd'], ['f', 'g']],
    },
  ];
  it.each(cases)('$name', ({ edges, circles }) => {
    expect(findCircles(graph(edges))).toEqual(circles);
  });
});

describe('importGraph', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'circles-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('sees type-only imports, re-exports and import() between project files, not packages', () => {
    mkdirSync(path.join(root, 'src/x'), { recursive: true });
    writeFileSync(path.join(root, 'src/x/a.ts'), "import type { B } from './b.ts';\nimport { z } from 'zod';\nexport type A = B | typeof z;\n");
    writeFileSync(path.join(root, 'src/x/b.ts'), "export { c } from '../c.tsx';\nexport type B = string;\n");
    writeFileSync(path.join(root, 'src/c.tsx'), "export const c = () => import('./x/a.ts');\n");
    const g = importGraph(root, ['src']);
    expect(Object.fromEntries(g)).toEqual({ 'src/c.tsx': ['src/x/a.ts'], 'src/x/a.ts': ['src/x/b.ts'], 'src/x/b.ts': ['src/c.tsx'] });
    expect(findCircles(g)).toEqual([['src/c.tsx', 'src/x/a.ts', 'src/x/b.ts']]);
  });
});
