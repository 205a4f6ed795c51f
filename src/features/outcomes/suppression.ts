/**
 * Small-cell suppression for published aggregate tables. Pure; no I/O.
 *
 * Input: a 1-way (one row) or 2-way table of counts. Row, column and grand totals are always published
 * (they are treated as known). Steps:
 * 1. Primary suppression: every cell with 0 < n < k (k = 5 by default).
 * 2. Complementary suppression, iterated to a fixed point:
 *    a. Line rule: every published equation (row: Σ cells = row total; column: Σ cells = column total;
 *       1-way: Σ cells = grand total) that has exactly one suppressed cell gets a second one — the smallest
 *       non-zero unsuppressed cell of that line (a zero cell only if no non-zero one is left).
 *    b. Bridge rule (2-way): in the bipartite graph rows ↔ columns whose edges are the suppressed cells, a
 *       suppressed cell that is a bridge can be recovered exactly by adding/subtracting the row and column
 *       equations on one side of it. Such a cell gets a cycle: the smallest non-zero unsuppressed cell that
 *       connects the two sides is suppressed too.
 *    Tables whose published totals are themselves small cells are flagged in `smallMargins` (see there).
 *    Then every suppressed cell lies on a cycle of suppressed cells, so it can move by ±1 against the other cells
 *    of the cycle; `feasibleValueCounts` (exhaustive, small tables) is the check used in the tests.
 *
 * Means (optional): a mean is published only where its count is published.
 * Limitation: margins of means (row/column mean) are not produced here; publishing them could let a suppressed
 * cell's mean be derived, so callers must not publish them next to a suppressed table.
 */

export interface SuppressionOptions {
  /** Primary threshold: cells with 0 < n < k are suppressed. Default 5. */
  k?: number;
  /** Optional cell means, same shape as counts. */
  means?: readonly (readonly (number | null)[])[];
}

export interface SuppressedTable {
  /** Published cell counts, null where suppressed. */
  cells: (number | null)[][];
  means: (number | null)[][] | null;
  /**
   * Published totals. In a 1-way table the margin along the single dimension equals the cells, so it is
   * null where the cell is suppressed. In a 1×1 table with a primary cell, every total is null.
   */
  rowTotals: (number | null)[];
  colTotals: (number | null)[];
  grandTotal: number | null;
  suppressed: boolean[][];
  primary: boolean[][];
  /**
   * Published totals that are themselves small cells (0 < n < k): 'row:i', 'col:j', 'total'. Cell suppression
   * cannot protect such a table while its totals are published (e.g. [[0,0],[0,1]]: the row and column totals
   * give the lone count away). Callers must not publish a table with a non-empty list as is: merge categories
   * or hide the table.
   */
  smallMargins: string[];
}

function validate(counts: readonly (readonly number[])[]): void {
  if (counts.length === 0 || counts[0]!.length === 0) throw new RangeError('table must have at least one cell');
  const w = counts[0]!.length;
  for (const row of counts) {
    if (row.length !== w) throw new RangeError('table rows must have the same length');
    for (const v of row) if (!Number.isInteger(v) || v < 0) throw new RangeError('counts must be non-negative integers');
  }
}

type Cell = readonly [number, number];

/** The published linear equations over cells (each a list of cells whose sum is known). */
export function tableEquations(rows: number, cols: number): Cell[][] {
  const all: Cell[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) all.push([r, c]);
  // 1-way tables (one row or one column): the other margin equals the cells, so the only equation is the total.
  if (rows === 1 || cols === 1) return [all];
  const eqs: Cell[][] = [];
  for (let r = 0; r < rows; r++) eqs.push(all.filter(([rr]) => rr === r));
  for (let c = 0; c < cols; c++) eqs.push(all.filter(([, cc]) => cc === c));
  return eqs;
}

function pickCheapest(counts: readonly (readonly number[])[], sup: boolean[][], candidates: readonly Cell[]): Cell | null {
  let best: Cell | null = null;
  let bestKey = Number.POSITIVE_INFINITY;
  const rowZero = (r: number) => counts[r]!.every((v) => v === 0);
  const colZero = (c: number) => counts.every((row) => row[c] === 0);
  for (const [r, c] of candidates) {
    if (sup[r]![c]) continue;
    const v = counts[r]![c]!;
    // non-zero cells first (smallest), then zeros; a zero in a line whose published total is 0
    // hides nothing (every cell of that line is known to be 0), so it is the very last resort.
    const key = v !== 0 ? v : rowZero(r) || colZero(c) ? Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER - 1;
    if (key < bestKey) {
      bestKey = key;
      best = [r, c];
    }
  }
  return best;
}

/** Rows/columns reachable from `start` in the suppressed-cell graph without using edge `skip`. */
function component(sup: boolean[][], start: { row: number } | { col: number }, skip: Cell): { rows: Set<number>; cols: Set<number> } {
  const rows = new Set<number>();
  const cols = new Set<number>();
  const stack: ({ row: number } | { col: number })[] = [start];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if ('row' in n) {
      if (rows.has(n.row)) continue;
      rows.add(n.row);
      sup[n.row]!.forEach((s, c) => {
        if (s && !(n.row === skip[0] && c === skip[1]) && !cols.has(c)) stack.push({ col: c });
      });
    } else {
      if (cols.has(n.col)) continue;
      cols.add(n.col);
      sup.forEach((row, r) => {
        if (row[n.col] && !(r === skip[0] && n.col === skip[1]) && !rows.has(r)) stack.push({ row: r });
      });
    }
  }
  return { rows, cols };
}

export function suppressTable(counts: readonly (readonly number[])[], options: SuppressionOptions = {}): SuppressedTable {
  validate(counts);
  const k = options.k ?? 5;
  const rows = counts.length;
  const cols = counts[0]!.length;
  const primary = counts.map((row) => row.map((v) => v > 0 && v < k));
  const sup = primary.map((row) => [...row]);
  const eqs = tableEquations(rows, cols);
  const twoWay = rows > 1 && cols > 1;

  for (let changed = true; changed; ) {
    changed = false;
    // a. line rule
    for (const eq of eqs) {
      const n = eq.filter(([r, c]) => sup[r]![c]).length;
      if (n !== 1) continue;
      const pick = pickCheapest(counts, sup, eq);
      if (pick) {
        sup[pick[0]]![pick[1]] = true;
        changed = true;
      }
      // pick === null only for a 1×1 table: handled below by suppressing the totals.
    }
    if (changed || !twoWay) continue;
    // b. bridge rule
    outer: for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        if (!sup[r]![c]) continue;
        const side = component(sup, { row: r }, [r, c]);
        if (side.cols.has(c)) continue; // on a cycle
        const other = component(sup, { col: c }, [r, c]);
        const candidates: Cell[] = [];
        for (const rr of side.rows) for (const cc of other.cols) candidates.push([rr, cc]);
        for (const rr of other.rows) for (const cc of side.cols) candidates.push([rr, cc]);
        const pick = pickCheapest(counts, sup, candidates);
        if (pick) {
          sup[pick[0]]![pick[1]] = true;
          changed = true;
          break outer;
        }
      }
    }
  }

  const rowSums = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = counts[0]!.map((_, c) => counts.reduce((a, row) => a + row[c]!, 0));
  const total = rowSums.reduce((a, b) => a + b, 0);
  const lone = rows === 1 && cols === 1 && sup[0]![0]!;
  const rowTotals = rowSums.map((t, r) => (lone || (cols === 1 && sup[r]![0]) ? null : t));
  const colTotals = colSums.map((t, c) => (lone || (rows === 1 && sup[0]![c]) ? null : t));
  const grandTotal = lone ? null : total;
  const cells = counts.map((row, r) => row.map((v, c) => (sup[r]![c] ? null : v)));
  const means = options.means ? options.means.map((row, r) => row.map((m, c) => (sup[r]?.[c] ? null : m))) : null;
  const small = (n: number) => n > 0 && n < k;
  const smallMargins = [
    ...(cols > 1 ? rowSums.flatMap((t, r) => (small(t) ? [`row:${r}`] : [])) : []),
    ...(rows > 1 ? colSums.flatMap((t, c) => (small(t) ? [`col:${c}`] : [])) : []),
    ...(small(total) ? ['total'] : []),
  ];
  return { cells, means, rowTotals, colTotals, grandTotal, suppressed: sup, primary, smallMargins };
}

/**
 * Exhaustive audit for small tables: for each suppressed cell, the set of values it can take over all
 * non-negative integer tables that agree with every published cell and every published total.
 * Stops early once every suppressed cell has shown `enough` distinct values. Exponential: small tables only.
 */
export function feasibleValueCounts(table: SuppressedTable, enough = 2): Map<string, number> {
  const rows = table.cells.length;
  const cols = table.cells[0]!.length;
  const unknown: Cell[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (table.cells[r]![c] === null) unknown.push([r, c]);
  const oneWay = rows === 1 || cols === 1;
  if (table.grandTotal === null) return new Map(unknown.map(([r, c]) => [`${r},${c}`, Number.POSITIVE_INFINITY]));
  // remaining sums per equation after subtracting published cells
  // (in 2-way tables every margin is published)
  const rowRem = table.rowTotals.map((t, r) => (t ?? 0) - table.cells[r]!.reduce<number>((a, v) => a + (v ?? 0), 0));
  const colRem = table.colTotals.map((t, c) => (t ?? 0) - table.cells.reduce<number>((a, row) => a + (row[c] ?? 0), 0));
  let totalRem = table.grandTotal - table.cells.flat().reduce<number>((a, v) => a + (v ?? 0), 0);
  const seen = unknown.map(() => new Set<number>());
  const done = () => seen.every((s) => s.size >= enough);
  const assign: number[] = [];
  const dfs = (i: number): boolean => {
    if (i === unknown.length) {
      const ok = oneWay ? totalRem === 0 : rowRem.every((v) => v === 0) && colRem.every((v) => v === 0);
      if (ok) assign.forEach((v, j) => seen[j]!.add(v));
      return done();
    }
    const [r, c] = unknown[i]!;
    const max = oneWay ? totalRem : Math.min(rowRem[r]!, colRem[c]!);
    for (let v = 0; v <= max; v++) {
      assign[i] = v;
      if (oneWay) totalRem -= v;
      else {
        rowRem[r]! -= v;
        colRem[c]! -= v;
      }
      const stop = dfs(i + 1);
      if (oneWay) totalRem += v;
      else {
        rowRem[r]! += v;
        colRem[c]! += v;
      }
      if (stop) return true;
    }
    return false;
  };
  dfs(0);
  return new Map(unknown.map(([r, c], j) => [`${r},${c}`, seen[j]!.size]));
}
