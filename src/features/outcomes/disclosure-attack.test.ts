// The attacker harness of issue 10 (docs/decisions/015-disclosure-control.md). A careful coordinator
// knows everyone's group, municipality, sector, gender, age band and format (intake), and — stronger
// than in life — exactly who is behind every published figure. Over simulated months of late answers
// they request every report the UI and API allow (every period of the lattice × every comparison),
// and then, as an auditor would, solve for each person: the min and max of their baseline, follow-up
// and change consistent with every rounded mean published (a linear programme over all releases,
// solved with yalps — not the layer's own rank arithmetic), and for each withheld cell the min and max
// of its count. The assertion is the issue's: every person's consistent values span more than 10 points
// and no withheld count is pinned. The same harness run against today's (before this change) release
// rule — per-table suppression only, no register, means to one decimal — finds people (`oldRelease`).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve, type Constraint, type Model } from 'yalps';
import { planRelease, type Candidate } from '../../platform/disclosure/audit.ts';
import { decisionOf, type Decision } from '../../platform/disclosure/release.ts';
import {
  ageBandOf,
  breakdownDimensions,
  buildEvaluationReport,
  evaluationCandidates,
  PARTICIPATION,
  participationCandidates,
  type BreakdownDimension,
} from './evaluation.ts';
import type { EvaluationComparison, EvaluationRow } from './evaluation.queries.ts';
import { who5 } from './instruments/index.ts';
import { suppressTable } from './suppression.ts';

// ---- the simulated organisation ---------------------------------------------------------------

interface Person {
  id: string;
  gender: 'female' | 'male';
  municipality: '091' | '609' | '684';
  sector: 'sote' | 'rakentaminen';
  format: 'online' | 'in_person';
  age: 30 | 50 | 70;
  /** Half-year of the baseline: 0 = 2024 H1 … 3 = 2025 H2. */
  half: number;
  /** Answered the baseline (else only invited: counted in the response rate, not in the rows). */
  answered: boolean;
  b: number;
  /** 6-month follow-up and the time step when it arrives (null: never). */
  f1: number | null;
  f1At: number;
  /** 12-month follow-up. */
  f2: number | null;
  f2At: number;
}

const STEPS = 4;
/** The lattice: the last years, each year, each half-year (as sets of halves). */
const periods: { key: string; halves: number[] }[] = [
  { key: 'recent', halves: [0, 1, 2, 3] },
  { key: '2024', halves: [0, 1] },
  { key: '2025', halves: [2, 3] },
  { key: '2024-H1', halves: [0] },
  { key: '2024-H2', halves: [1] },
  { key: '2025-H1', halves: [2] },
  { key: '2025-H2', halves: [3] },
];
const comparisons: EvaluationComparison[] = ['latest', 'wave1'];

const id = (i: number) => `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`;
const score = fc.integer({ min: 0, max: 25 }).map((x) => x * 4);

const personArb = (i: number) =>
  fc
    .record({
      gender: fc.constantFrom('female' as const, 'male' as const),
      municipality: fc.constantFrom('091' as const, '609' as const, '684' as const),
      sector: fc.constantFrom('sote' as const, 'rakentaminen' as const),
      format: fc.constantFrom('online' as const, 'in_person' as const),
      age: fc.constantFrom(30 as const, 50 as const, 70 as const),
      half: fc.integer({ min: 0, max: 3 }),
      answered: fc.integer({ min: 0, max: 5 }).map((x) => x > 0),
      b: score,
      f1: fc.option(score, { freq: 5 }),
      f1At: fc.integer({ min: 0, max: STEPS - 1 }),
      f2: fc.option(score, { freq: 2 }),
      f2At: fc.integer({ min: 0, max: STEPS - 1 }),
    })
    .map((p): Person => ({ ...p, id: id(i), f2At: Math.max(p.f2At, p.f1At) }));

const populationArb = fc.integer({ min: 6, max: 18 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => personArb(i + 1))));

/** The follow-up a comparison uses at time t, and which of the person's values it is. */
function followUp(p: Person, comparison: EvaluationComparison, t: number): { value: number; variable: 'f1' | 'f2' } | null {
  const f1 = p.f1 !== null && p.f1At <= t ? { value: p.f1, variable: 'f1' as const } : null;
  const f2 = p.f2 !== null && p.f2At <= t ? { value: p.f2, variable: 'f2' as const } : null;
  return comparison === 'wave1' ? f1 : (f2 ?? f1);
}

function rowsOf(people: readonly Person[], halves: readonly number[], comparison: EvaluationComparison, t: number): EvaluationRow[] {
  return people
    .filter((p) => halves.includes(p.half) && p.answered)
    .map((p) => ({
      personId: p.id,
      baselineKey: `${p.id}:b`,
      baseline: p.b,
      afterKey: followUp(p, comparison, t) ? `${p.id}:${followUp(p, comparison, t)!.variable}` : null,
      after: followUp(p, comparison, t)?.value ?? null,
      followUpDue: true,
      ageAtBaseline: p.age,
      gender: p.gender,
      sector: p.sector,
      municipality: p.municipality,
      groupFormat: p.format,
    }));
}

const categoryOf = (p: Person, d: BreakdownDimension): string =>
  d === 'ageBand' ? ageBandOf(p.age) : d === 'gender' ? p.gender : d === 'sector' ? p.sector : d === 'municipality' ? p.municipality : p.format;

// ---- the release rules: the layer, and today's before this change --------------------------------

type Releaser = (prior: string[][], candidates: Candidate[]) => { decision: Decision; released: string[][] };

const layer: Releaser = (prior, candidates) => {
  const plan = planRelease(prior, candidates, { k: 5, minSpan: 10 });
  return { decision: decisionOf(plan), released: candidates.filter((c) => plan.released.has(c.id) && c.members.length > 0).map((c) => [...c.members]) };
};

/** Before: every table protected on its own (primary, complementary, pooled ≥ 5), nothing remembered. */
const oldRelease: Releaser = (_prior, candidates) => {
  const withheld = new Set<string>();
  const overall = candidates.find((c) => c.id === 'overall');
  // the counts were printed whatever
  if (!overall) return { decision: { released: () => true, reason: () => null }, released: [] };
  if (overall.members.length < 5) withheld.add('overall');
  for (const d of breakdownDimensions) {
    const cells = candidates.filter((c) => c.table === d);
    if (cells.length === 0) continue;
    const counts = cells.map((c) => c.members.length);
    const sup = [...suppressTable([counts], { k: 5 }).suppressed[0]!];
    const pooled = () => counts.reduce((a, n, i) => a + (sup[i] ? n : 0), 0);
    while (sup.some(Boolean) && pooled() < 5) {
      let pick = -1;
      counts.forEach((n, i) => {
        if (!sup[i] && (pick < 0 || n < counts[pick]!)) pick = i;
      });
      if (pick < 0) break;
      sup[pick] = true;
    }
    cells.forEach((c, i) => (sup[i] ? withheld.add(c.id) : undefined));
  }
  const decision: Decision = { released: (x) => !withheld.has(x), reason: (x) => (withheld.has(x) ? 'small' : null) };
  return { decision, released: [] };
};

// ---- what the coordinator sees -----------------------------------------------------------------

/** One published mean: Σ coef·variable over its people = n · value, value rounded to `step`. */
interface Equation {
  terms: Map<string, number>;
  n: number;
  value: number;
  step: number;
}
interface WithheldCount {
  /** The group (format) left out of the selection, if any. */
  leftOut: string | null;
  period: number[];
  comparison: EvaluationComparison;
  t: number;
  dimension: BreakdownDimension;
  category: string;
}
/** A published response or attrition count: how many of `members` (the invited) answered, were paired or were lost. */
interface CountFact {
  kind: 'answered' | 'paired' | 'lost';
  members: readonly string[];
  comparison: EvaluationComparison;
  t: number;
  value: number;
}
interface PublishedCount {
  leftOut: string | null;
  period: number[];
  comparison: EvaluationComparison;
  t: number;
  dimension: BreakdownDimension | null;
  category: string | null;
  n: number;
}

/** `groupSelections`: today's form also let the coordinator pick groups ("all but one"); each format stands for a group here. */
function play(people: readonly Person[], releaser: Releaser, step: number, groupSelections = false) {
  const register: string[][] = [];
  const participationRegister: string[][] = [];
  const equations: Equation[] = [];
  const withheldCounts: WithheldCount[] = [];
  const publishedCounts: PublishedCount[] = [];
  const countFacts: CountFact[] = [];
  const byId = new Map(people.map((p) => [p.id, p]));
  for (let t = 0; t < STEPS; t++) {
    for (const period of periods) {
      for (const [comparison, leftOut] of comparisons.flatMap((c) => [
        [c, null] as const,
        ...(groupSelections ? (['online', 'in_person'] as const).map((g) => [c, g] as const) : []),
      ])) {
        const selected = people.filter((p) => p.format !== leftOut);
        const rows = rowsOf(selected, period.halves, comparison, t);
        const invited = selected.filter((p) => period.halves.includes(p.half)).map((p) => p.id);
        const counts = { invited, responded: rows.map((r) => r.personId) };
        const part = releaser(participationRegister, participationCandidates(rows, counts));
        participationRegister.push(...part.released);
        const participation = { released: part.decision.released(PARTICIPATION), reason: part.decision.reason(PARTICIPATION) };
        const { decision, released } = releaser(register, evaluationCandidates(who5, rows, participation.released));
        register.push(...released);
        const report = buildEvaluationReport(who5, rows, counts, decision, participation);
        const pairs = rows.filter((r) => r.after !== null).map((r) => byId.get(r.personId)!);
        // what the counts say about who answered: Σ answered, Σ paired, Σ lost over the invited
        const fact = (kind: CountFact['kind'], value: number | null) => (value === null ? undefined : countFacts.push({ kind, members: invited, comparison, t, value }));
        fact('answered', report.response.responded);
        fact('answered', report.attrition.due);
        fact('paired', report.nPaired);
        fact('lost', report.attrition.lost);
        const terms = (ps: readonly Person[], kind: 'b' | 'after' | 'change') => {
          const m = new Map<string, number>();
          for (const p of ps) {
            const f = followUp(p, comparison, t)!;
            if (kind !== 'after') m.set(`${p.id}:b`, (m.get(`${p.id}:b`) ?? 0) + (kind === 'b' ? 1 : -1));
            if (kind !== 'b') m.set(`${p.id}:${f.variable}`, (m.get(`${p.id}:${f.variable}`) ?? 0) + 1);
          }
          return m;
        };
        if (report.published && report.paired) {
          const n = pairs.length;
          publishedCounts.push({ leftOut, period: period.halves, comparison, t, dimension: null, category: null, n });
          const add = (kind: 'b' | 'after' | 'change', value: number | null, ps: readonly Person[]) =>
            value === null
              ? undefined
              : equations.push({
                  terms: terms(ps, kind),
                  n: ps.length,
                  value: step === 1 ? value : Math.round(exact(ps, kind, comparison, t) / step) * step,
                  step,
                });
          add('b', report.paired.meanBefore, pairs);
          add('after', report.paired.meanAfter, pairs);
          add('change', report.paired.meanChange, pairs);
          for (const b of report.breakdowns) {
            for (const r of b.rows) {
              const cell = pairs.filter((p) => categoryOf(p, b.dimension) === r.category);
              if (r.suppressed || !b.published)
                withheldCounts.push({ leftOut, period: period.halves, comparison, t, dimension: b.dimension, category: r.category });
              else {
                publishedCounts.push({ leftOut, period: period.halves, comparison, t, dimension: b.dimension, category: r.category, n: r.n! });
                add('change', r.meanChange, cell);
              }
            }
            if (!b.published) {
              for (const category of new Set(pairs.map((p) => categoryOf(p, b.dimension))))
                withheldCounts.push({ leftOut, period: period.halves, comparison, t, dimension: b.dimension, category });
            }
          }
        }
      }
    }
  }
  return { equations, withheldCounts, publishedCounts, countFacts };
}

/** The unrounded mean (for today's rule, which printed one decimal and exported the full value). */
function exact(ps: readonly Person[], kind: 'b' | 'after' | 'change', comparison: EvaluationComparison, t: number): number {
  const v = (p: Person) => {
    const f = followUp(p, comparison, t)!.value;
    return kind === 'b' ? p.b : kind === 'after' ? f : f - p.b;
  };
  return ps.reduce((a, p) => a + v(p), 0) / ps.length;
}

// ---- the auditor: linear programmes over everything published -----------------------------------

function spanOf(equations: readonly Equation[], objective: Map<string, number>): number {
  const variables = new Set<string>();
  for (const e of equations) for (const v of e.terms.keys()) variables.add(v);
  for (const v of objective.keys()) variables.add(v);
  const constraints = new Map<string, Constraint>();
  const coefficients = new Map<string, Map<string, number>>([...variables].map((v) => [v, new Map<string, number>()]));
  equations.forEach((e, j) => {
    const half = e.step / 2;
    constraints.set(`e${j}`, { min: e.n * (e.value - half), max: e.n * (e.value + half) });
    for (const [v, c] of e.terms) coefficients.get(v)!.set(`e${j}`, c);
  });
  for (const v of variables) {
    constraints.set(`ub:${v}`, { max: 100 });
    coefficients.get(v)!.set(`ub:${v}`, 1);
    if (objective.has(v)) coefficients.get(v)!.set('objective', objective.get(v)!);
  }
  const model = (direction: 'minimize' | 'maximize'): Model => ({ direction, objective: 'objective', constraints, variables: coefficients });
  const lo = solve(model('minimize'));
  const hi = solve(model('maximize'));
  if (lo.status !== 'optimal' || hi.status !== 'optimal') throw new Error(`LP ${lo.status}/${hi.status}`);
  return hi.result - lo.result;
}

/** For every person behind a published figure: the span of each of their values (baseline, follow-ups, changes). */
function narrowest(equations: readonly Equation[]): { target: string; span: number } {
  const mentioned = new Set<string>();
  for (const e of equations) for (const v of e.terms.keys()) mentioned.add(v);
  let worst = { target: '', span: Number.POSITIVE_INFINITY };
  const consider = (target: string, objective: Map<string, number>) => {
    if (equations.length === 0) return;
    const span = spanOf(equations, objective);
    if (span < worst.span) worst = { target, span };
  };
  const people = new Set([...mentioned].map((v) => v.split(':')[0]!));
  for (const person of people) {
    for (const v of ['b', 'f1', 'f2']) if (mentioned.has(`${person}:${v}`)) consider(`${person}:${v}`, new Map([[`${person}:${v}`, 1]]));
    for (const v of ['f1', 'f2'])
      if (mentioned.has(`${person}:${v}`))
        consider(
          `${person}:${v}-b`,
          new Map([
            [`${person}:${v}`, 1],
            [`${person}:b`, -1],
          ]),
        );
  }
  return worst;
}

/** Withheld counts pinned by the published counts of the same moment and comparison (cells × halves as unknowns). */
function recoveredCounts(people: readonly Person[], published: readonly PublishedCount[], withheld: readonly WithheldCount[]): WithheldCount[] {
  const out: WithheldCount[] = [];
  const tuple = (p: Person) => breakdownDimensions.map((d) => categoryOf(p, d)).join('|');
  for (const w of withheld) {
    const same = published.filter((c) => c.t === w.t && c.comparison === w.comparison);
    // unknowns: paired people per (attribute tuple, half) — who answered is not known from intake
    const cells = new Map<string, { tuple: string[]; half: number }>();
    for (const p of people) cells.set(`${tuple(p)}#${p.half}`, { tuple: tuple(p).split('|'), half: p.half });
    const format = breakdownDimensions.indexOf('groupFormat');
    const inCell = (
      c: { tuple: string[]; half: number },
      x: { period: number[]; leftOut: string | null; dimension: BreakdownDimension | null; category: string | null },
    ) =>
      x.period.includes(c.half) && c.tuple[format] !== x.leftOut && (x.dimension === null || c.tuple[breakdownDimensions.indexOf(x.dimension)] === x.category);
    const constraints = new Map<string, Constraint>();
    const variables = new Map<string, Map<string, number>>();
    same.forEach((c, j) => constraints.set(`c${j}`, { equal: c.n }));
    for (const [key, cell] of cells) {
      const coefs = new Map<string, number>();
      same.forEach((c, j) => (inCell(cell, c) ? coefs.set(`c${j}`, 1) : undefined));
      if (inCell(cell, w)) coefs.set('objective', 1);
      variables.set(key, coefs);
    }
    const lo = solve({ direction: 'minimize', objective: 'objective', constraints, variables, integers: true });
    const hi = solve({ direction: 'maximize', objective: 'objective', constraints, variables, integers: true });
    if (lo.status === 'optimal' && hi.status === 'optimal' && hi.result - lo.result < 0.5 && hi.result > 0) out.push(w);
  }
  return out;
}

/**
 * Who answered, who was paired, who was lost: binaries per person (answered a, paired by time t in a
 * comparison g ≤ a, monotone in t), constrained by every published count. For each person and indicator,
 * whether the counts pin it (integer programmes); a pin is a finding unless at least 5 people who are in
 * exactly the same published sets are pinned alike (then it is the group's fact, e.g. "all 12 answered").
 */
function pinnedIndicators(people: readonly Person[], facts: readonly CountFact[]): string[] {
  if (facts.length === 0) return [];
  const moments = [...new Set(facts.filter((f) => f.kind !== 'answered').map((f) => `${f.comparison}@${f.t}`))];
  const a = (p: string) => `a:${p}`;
  const g = (p: string, moment: string) => `g:${p}:${moment}`;
  const variables = new Map<string, Map<string, number>>();
  const constraints = new Map<string, Constraint>();
  const coef = (v: string, c: string, x: number) => {
    let m = variables.get(v);
    if (!m) variables.set(v, (m = new Map()));
    m.set(c, (m.get(c) ?? 0) + x);
  };
  for (const p of people) {
    coef(a(p.id), `bin:${a(p.id)}`, 1);
    constraints.set(`bin:${a(p.id)}`, { max: 1 });
    for (const m of moments) {
      coef(g(p.id, m), `bin:${g(p.id, m)}`, 1);
      constraints.set(`bin:${g(p.id, m)}`, { max: 1 });
      coef(g(p.id, m), `le:${g(p.id, m)}`, 1);
      coef(a(p.id), `le:${g(p.id, m)}`, -1);
      constraints.set(`le:${g(p.id, m)}`, { max: 0 });
      const [comparison, t] = m.split('@');
      const next = `${comparison}@${Number(t) + 1}`;
      if (moments.includes(next)) {
        coef(g(p.id, m), `mono:${g(p.id, m)}`, 1);
        coef(g(p.id, next), `mono:${g(p.id, m)}`, -1);
        constraints.set(`mono:${g(p.id, m)}`, { max: 0 });
      }
    }
  }
  facts.forEach((f, j) => {
    const m = `${f.comparison}@${f.t}`;
    for (const p of f.members) {
      if (f.kind !== 'paired') coef(a(p), `f${j}`, 1);
      if (f.kind !== 'answered') coef(g(p, m), `f${j}`, f.kind === 'paired' ? 1 : -1);
    }
    constraints.set(`f${j}`, { equal: f.value });
  });
  const integers = [...variables.keys()];
  const range = (objective: Map<string, number>) => {
    const vars = new Map([...variables].map(([v, cs]) => [v, new Map([...cs, ...(objective.has(v) ? [['objective', objective.get(v)!] as const] : [])])]));
    const lo = solve({ direction: 'minimize', objective: 'objective', constraints, variables: vars, integers });
    const hi = solve({ direction: 'maximize', objective: 'objective', constraints, variables: vars, integers });
    if (lo.status !== 'optimal' || hi.status !== 'optimal') throw new Error(`ILP ${lo.status}/${hi.status}`);
    return { lo: lo.result, hi: hi.result };
  };
  const signature = (p: string) => facts.map((f) => (f.members.includes(p) ? '1' : '0')).join('');
  const pins = new Map<string, string[]>();
  for (const p of people) {
    const targets: [string, Map<string, number>][] = [['answered', new Map([[a(p.id), 1]])]];
    for (const m of moments)
      targets.push([
        `lost@${m}`,
        new Map([
          [a(p.id), 1],
          [g(p.id, m), -1],
        ]),
      ]);
    for (const [what, objective] of targets) {
      const r = range(objective);
      if (r.hi - r.lo > 0.5) continue;
      const key = `${what}=${Math.round(r.lo)}#${signature(p.id)}`;
      pins.set(key, [...(pins.get(key) ?? []), p.id]);
    }
  }
  return [...pins].filter(([, ids]) => ids.length < 5).flatMap(([key, ids]) => ids.map((p) => `${p} ${key.split('#')[0]}`));
}

// ---- the named attacks of issue 10 ---------------------------------------------------------------

const base = (i: number, over: Partial<Person>): Person => ({
  id: id(i),
  gender: 'female',
  municipality: '609',
  sector: 'sote',
  format: 'online',
  age: 50,
  half: 2,
  answered: true,
  b: 40 + (i % 3) * 8,
  f1: 48 + (i % 4) * 4,
  f1At: 0,
  f2: null,
  f2At: 0,
  ...over,
});

/** Attack 1: the Pori cell is the sote cell plus one person (Sanna, a builder in Pori). */
const twoBreakdowns: Person[] = [
  ...Array.from({ length: 6 }, (_, i) => base(i + 1, { municipality: '609', sector: 'sote' })),
  base(7, { municipality: '609', sector: 'rakentaminen', b: 40, f1: 56 }),
  ...Array.from({ length: 5 }, (_, i) => base(i + 8, { municipality: '091', sector: 'rakentaminen' })),
];
/** Attack 2: the only in-person person (one group of its own) — "all groups" vs "all but one" becomes the format strata. */
const leftOutGroup: Person[] = [...Array.from({ length: 8 }, (_, i) => base(i + 1, { format: 'online' })), base(9, { format: 'in_person', b: 40, f1: 56 })];
/** Attack 3: two periods around one person's baseline: 2025 vs 2025-H1, with one person in H2. */
const twoPeriods: Person[] = [...Array.from({ length: 8 }, (_, i) => base(i + 1, { half: 2 })), base(9, { half: 3, b: 40, f1: 56 })];
/** Attack 4: in-person = the sote cell + the suppressed Rauma cell (one builder, the only one in Rauma). */
const suppressedCell: Person[] = [
  ...Array.from({ length: 6 }, (_, i) => base(i + 1, { sector: 'sote', format: 'in_person', municipality: '609' })),
  base(7, { sector: 'rakentaminen', format: 'in_person', municipality: '684', b: 40, f1: 56 }),
  ...Array.from({ length: 6 }, (_, i) => base(i + 8, { sector: 'rakentaminen', format: 'online', municipality: i < 3 ? '609' : '091' })),
];
const attacks = { twoBreakdowns, leftOutGroup, twoPeriods, suppressedCell };
/** Attack 5: 2025 vs 2025-H1 response counts, with one person (who did not answer) in H2. */
const responseTwoPeriods: Person[] = [
  ...Array.from({ length: 6 }, (_, i) => base(i + 1, { half: 2 })),
  ...Array.from({ length: 2 }, (_, i) => base(i + 7, { half: 2, answered: false })),
  base(9, { half: 3, answered: false }),
];
/** Attack 6: the same for attrition: the H2 person answered the baseline but never the follow-up. */
const lostTwoPeriods: Person[] = [...Array.from({ length: 8 }, (_, i) => base(i + 1, { half: 2 })), base(9, { half: 3, f1: null })];
const countAttacks = { responseTwoPeriods, lostTwoPeriods };

describe('the attacker harness', () => {
  for (const [name, people] of Object.entries(attacks)) {
    it(`attack "${name}": every person's values span more than 10 points, no withheld count is pinned`, () => {
      const seen = play(people, layer, 1);
      expect(narrowest(seen.equations).span).toBeGreaterThan(10);
      expect(recoveredCounts(people, seen.publishedCounts, seen.withheldCounts)).toEqual([]);
    });
  }

  for (const [name, people] of Object.entries(countAttacks)) {
    it(`attack "${name}": the counts pin nobody's answer or drop-out (only facts shared by 5 or more)`, () => {
      const seen = play(people, layer, 1);
      expect(seen.countFacts.length).toBeGreaterThan(0);
      expect(pinnedIndicators(people, seen.countFacts)).toEqual([]);
    });
  }

  it('with every count published as before this change, the same attacks pin the lone person (the harness can fail)', () => {
    // before: the response and attrition counts were printed whatever the other reports said
    const countsAlways: Releaser = (prior, candidates) =>
      candidates.some((c) => c.id === PARTICIPATION) ? { released: [], decision: { released: () => true, reason: () => null } } : layer(prior, candidates);
    const lone = id(9);
    expect(pinnedIndicators(responseTwoPeriods, play(responseTwoPeriods, countsAlways, 1).countFacts)).toContain(`${lone} answered=0`);
    expect(pinnedIndicators(lostTwoPeriods, play(lostTwoPeriods, countsAlways, 1).countFacts).some((x) => x.startsWith(`${lone} lost@`) && x.endsWith('=1'))).toBe(true);
  });

  it('finds the people in the same attacks with the release rule of before this change (the harness can fail)', () => {
    const found = Object.entries(attacks).map(([name, people]) => {
      const seen = play(people, oldRelease, 0.1, true);
      return { name, span: narrowest(seen.equations).span };
    });
    // the 40 → 56 person of each case comes out within ±1 point in all four
    // (measured 2026-12-02: spans 0.8, 1.7, 1.7 and 1.2 points; see the ADR)
    for (const f of found) expect(f.span, f.name).toBeLessThan(2);
    // and the suppressed Rauma count (1) comes out of the format and sector tables
    const seen = play(suppressedCell, oldRelease, 0.1, true);
    expect(recoveredCounts(suppressedCell, seen.publishedCounts, seen.withheldCounts).some((w) => w.dimension === 'municipality' && w.category === '684')).toBe(
      true,
    );
  });

  it('random organisations over four months of late answers: nobody within ±5 points, no count pinned', () => {
    let published = 0;
    let withheld = 0;
    let facts = 0;
    fc.assert(
      fc.property(populationArb, (people) => {
        const seen = play(people, layer, 1);
        published += seen.equations.length;
        withheld += seen.withheldCounts.length;
        const worst = narrowest(seen.equations);
        expect(worst.span, worst.target).toBeGreaterThan(10);
        expect(recoveredCounts(people, seen.publishedCounts, seen.withheldCounts)).toEqual([]);
        facts += seen.countFacts.length;
        expect(pinnedIndicators(people, seen.countFacts)).toEqual([]);
      }),
      { numRuns: 100, seed: 20261202 },
    );
    // not vacuous: the runs published figures and withheld some (measured: 626 means and 6,310 response and
    // attrition counts published, 2,024 cells withheld; a sixth of the invited do not answer)
    expect(published).toBeGreaterThan(400);
    expect(facts).toBeGreaterThan(4000);
    expect(withheld).toBeGreaterThan(100);
  });
});
