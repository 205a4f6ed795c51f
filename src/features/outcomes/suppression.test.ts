import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feasibleValueCounts, suppressTable, tableEquations } from './suppression.ts';

describe('suppressTable examples', () => {
  it('1-way: a small cell gets a complementary one (the smallest non-zero)', () => {
    const t = suppressTable([[12, 3, 8, 20]]);
    expect(t.cells).toEqual([[12, null, null, 20]]);
    expect(t.primary).toEqual([[false, true, false, false]]);
    expect(t.grandTotal).toBe(43);
    // column totals of a 1-way table equal the cells: hidden where the cell is hidden
    expect(t.colTotals).toEqual([12, null, null, 20]);
  });
  it('zeros are not primary; nothing to hide', () => {
    expect(suppressTable([[0, 7, 9]]).cells).toEqual([[0, 7, 9]]);
  });
  it('complementary prefers a non-zero cell over a zero', () => {
    expect(suppressTable([[0, 2, 9, 6]]).cells).toEqual([[0, null, 9, null]]);
  });
  it('falls back to a zero cell when nothing else is left', () => {
    expect(suppressTable([[0, 2]]).cells).toEqual([[null, null]]);
  });
  it('1×1 table with a small count hides the totals too', () => {
    const t = suppressTable([[3]]);
    expect(t).toMatchObject({ cells: [[null]], grandTotal: null, rowTotals: [null], colTotals: [null] });
  });
  it('2-way: rows and columns both get a second suppressed cell', () => {
    const t = suppressTable([
      [2, 10, 12],
      [15, 9, 20],
      [30, 17, 11],
    ]);
    expect(t.suppressed).toEqual([
      [true, true, false],
      [true, true, false],
      [false, false, false],
    ]);
    expect(t.rowTotals).toEqual([24, 44, 58]);
  });
  it('means are published only with their counts', () => {
    const t = suppressTable([[12, 3, 8]], { means: [[55.5, 70, 48]] });
    expect(t.means).toEqual([[55.5, null, null]]);
  });
  it('a zero in an all-zero line is no complement: it hides nothing', () => {
    // Found by property (c): the middle row's published total 0 pins its zeros, so a complement
    // taken from it leaves the small cell (0,1) recoverable.
    const t = suppressTable([
      [6, 1, 5],
      [0, 0, 0],
      [0, 5, 0],
    ]);
    for (const [cell, n] of feasibleValueCounts(t)) expect(n, `cell ${cell}`).toBeGreaterThanOrEqual(2);
  });
  it('k is a parameter', () => {
    expect(suppressTable([[6, 12, 20]], { k: 10 }).cells).toEqual([[null, null, 20]]);
  });
  it.each([[[]], [[[1, 2], [3]]], [[[1, -1]]], [[[1.5, 2]]]])('rejects a malformed table %j', (t) => {
    expect(() => suppressTable(t as number[][])).toThrow(RangeError);
  });
});

const smallTable = fc
  .record({ rows: fc.integer({ min: 1, max: 4 }), cols: fc.integer({ min: 1, max: 4 }) })
  .chain(({ rows, cols }) =>
    fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 12 })), { minLength: cols, maxLength: cols }), {
      minLength: rows,
      maxLength: rows,
    }),
  );

describe('suppressTable properties', () => {
  it('(a) every primary cell is suppressed; published cells are the input', () => {
    fc.assert(
      fc.property(smallTable, (counts) => {
        const t = suppressTable(counts);
        counts.forEach((row, r) =>
          row.forEach((v, c) => {
            if (v > 0 && v < 5) expect(t.cells[r]![c]).toBeNull();
            if (t.cells[r]![c] !== null) expect(t.cells[r]![c]).toBe(v);
          }),
        );
      }),
      { numRuns: 500 },
    );
  });
  it('(b) no published equation has exactly one unknown', () => {
    fc.assert(
      fc.property(smallTable, (counts) => {
        const t = suppressTable(counts);
        if (t.grandTotal === null) return; // 1×1: the total is hidden too
        for (const eq of tableEquations(counts.length, counts[0]!.length)) {
          expect(eq.filter(([r, c]) => t.cells[r]![c] === null).length).not.toBe(1);
        }
      }),
      { numRuns: 500 },
    );
  });
  it('(c) every suppressed cell has at least 2 feasible values (exhaustive check)', () => {
    fc.assert(
      fc.property(smallTable, (counts) => {
        const t = suppressTable(counts);
        // A published margin that is itself a small cell can pin its cells (e.g. [[0,0],[0,1]]): such tables are
        // flagged (see the next test) and must not be published; the guarantee covers the others.
        if (t.smallMargins.length > 0) return;
        for (const [cell, n] of feasibleValueCounts(t)) {
          if (n < 2) throw new Error(`cell ${cell} is recoverable in ${JSON.stringify(counts)}`);
        }
      }),
      { numRuns: 400 },
    );
  });
  it('flags tables whose published totals are themselves small cells', () => {
    expect(suppressTable([[0, 0], [0, 1]]).smallMargins).toEqual(['row:1', 'col:1', 'total']);
    expect(suppressTable([[0, 6], [7, 1]]).smallMargins).toEqual([]);
    fc.assert(
      fc.property(smallTable, (counts) => {
        const t = suppressTable(counts);
        const small = (n: number) => n > 0 && n < 5;
        // in a 1-way table the margin along the single dimension is the cells themselves (not a separate total)
        const anySmall =
          (counts[0]!.length > 1 && counts.some((row) => small(row.reduce((a, b) => a + b, 0)))) ||
          (counts.length > 1 && counts[0]!.some((_, c) => small(counts.reduce((a, row) => a + row[c]!, 0)))) ||
          small(counts.flat().reduce((a, b) => a + b, 0));
        expect(t.smallMargins.length > 0).toBe(anySmall);
      }),
      { numRuns: 300 },
    );
  });
  it('the exhaustive check can fail: only-primary suppression leaks', () => {
    // Hand-made table: hide only the primary cell → it is the row total minus the others.
    const leaky = { ...suppressTable([[12, 9, 8]]), cells: [[12, null, 8]] };
    expect(feasibleValueCounts(leaky).get('0,1')).toBe(1);
  });
});
