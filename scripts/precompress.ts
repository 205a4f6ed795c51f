// After `react-router build`: a .br (brotli, quality 11) and a .gz (gzip -9) beside every
// compressible file in build/client, so serveStatic sends them without compressing per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(process.argv[2] ?? 'build/client');
const compressible = /\.(js|mjs|css|svg|json|html|txt|map)$/;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else if (compressible.test(name)) yield full;
  }
}

let count = 0;
let raw = 0;
let brotli = 0;
for (const file of files(root)) {
  const content = readFileSync(file);
  if (content.length < 1024) continue;
  const br = zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length } });
  writeFileSync(file + '.br', br);
  writeFileSync(file + '.gz', zlib.gzipSync(content, { level: 9 }));
  count++;
  raw += content.length;
  brotli += br.length;
}
console.log(`precompressed ${count} files in ${path.relative(process.cwd(), root) || '.'}: ${(raw / 1024).toFixed(0)} KB → ${(brotli / 1024).toFixed(0)} KB brotli`);
