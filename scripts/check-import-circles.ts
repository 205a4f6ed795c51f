// `npm run lint` runs this after ESLint: fails when files import each other in a
// circle. Type-only imports count (eslint-plugin-import-x's no-cycle skips them, but
// a circle of types still ties two files together). Imports are read with the
// TypeScript compiler's own pre-processor; circles are the strongly connected
// components of the import graph (Tarjan, 1972).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export type ImportGraph = Map<string, string[]>;

const sourceFile = /\.(ts|tsx)$/;
const skipped = new Set(['node_modules', 'build', 'data', 'coverage', '.react-router', '.git']);

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (skipped.has(name)) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else if (sourceFile.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** Every project file under `dirs` (relative to `root`) with the project files it imports (relative paths). */
export function importGraph(root: string, dirs: readonly string[]): ImportGraph {
  const files = dirs.flatMap((d) => filesUnder(path.join(root, d)));
  const known = new Set(files);
  const graph: ImportGraph = new Map();
  for (const file of files) {
    // readImportFiles and detectJavaScriptImports: import/export … from, import type, import().
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), fileName);
      if (known.has(target) && target !== file) targets.add(path.relative(root, target));
    }
    graph.set(path.relative(root, file), [...targets].sort());
  }
  return graph;
}

/** The circles of a graph: its strongly connected components of more than one file, each sorted. */
export function findCircles(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];

  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) circles.push(component.sort());
    }
  };

  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return circles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

export const checkedFolders = ['app', 'server', 'src', 'tests', 'scripts', 'bench'] as const;

if (import.meta.main) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const graph = importGraph(root, checkedFolders);
  const circles = findCircles(graph);
  if (circles.length === 0) {
    console.log(`No import circles among ${graph.size} files.`);
  } else {
    console.error(`${circles.length} import circle(s):`);
    for (const circle of circles) {
      console.error(`- ${circle.join(' ↔ ')}`);
      for (const file of circle) console.error(`    ${file} imports ${graph.get(file)!.filter((t) => circle.includes(t)).join(', ')}`);
    }
    process.exitCode = 1;
  }
}
