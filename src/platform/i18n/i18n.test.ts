import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { catalogs, negotiateLocale, supportedLocales, translate, formatDateTime, formatNumber } from './i18n.ts';

/** Placeholder names used by an ICU message (arguments of any type). */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: unknown[]) => {
    for (const el of elements as { type: number; value?: string; options?: Record<string, { value: unknown[] }>; children?: unknown[] }[]) {
      if (el.type !== 0 && el.type !== 7 && typeof el.value === 'string') names.add(el.value);
      if (el.options) for (const o of Object.values(el.options)) walk(o.value);
      if (el.children) walk(el.children);
    }
  };
  walk(new IntlMessageFormat(message, 'fi').getAst() as unknown[]);
  return [...names].sort();
}

describe('catalogs', () => {
  const fiKeys = Object.keys(catalogs.fi).sort();

  it.each(supportedLocales)('%s has exactly the keys of the Finnish catalog, none empty', (locale) => {
    const keys = Object.keys(catalogs[locale]).sort();
    expect(keys.filter((k) => !fiKeys.includes(k)), 'extra keys').toEqual([]);
    expect(fiKeys.filter((k) => !keys.includes(k)), 'missing keys').toEqual([]);
    for (const [key, value] of Object.entries(catalogs[locale])) expect(value.trim(), key).not.toBe('');
  });

  it('every message parses as ICU and uses the same placeholders in every language', () => {
    for (const key of fiKeys) {
      const expected = placeholders(catalogs.fi[key as keyof typeof catalogs.fi]);
      for (const locale of supportedLocales) {
        expect(placeholders(catalogs[locale][key as keyof typeof catalogs.fi]), `${locale} ${key}`).toEqual(expected);
      }
    }
  });

  it('formats with values', () => {
    expect(translate('fi', 'error.requestId', { id: 'abc' })).toBe('Virheen tunniste: abc');
  });
});

describe('language negotiation', () => {
  it.each([
    ['sv-FI,sv;q=0.9,en;q=0.5', 'sv'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE,de;q=0.9,fi;q=0.3', 'fi'],
    ['de', undefined],
    [';;;,,,q=x', undefined],
    ['', undefined],
    ['fi;q=0.1, en;q=0.8', 'en'],
  ])('%s → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe('dates and numbers in Europe/Helsinki', () => {
  it('shows Helsinki time across DST', () => {
    expect(formatDateTime('fi', new Date('2026-03-29T00:30:00Z'), 'time')).toBe('2.30');
    expect(formatDateTime('fi', new Date('2026-03-29T01:30:00Z'), 'time')).toBe('4.30');
    expect(formatDateTime('en', new Date('2026-10-25T12:00:00Z'), 'date')).toBe('25 October 2026');
  });
  it('formats numbers per language', () => {
    expect(formatNumber('fi', 1234.5)).toBe('1\u00a0234,5');
    expect(formatNumber('en', 1234.5)).toBe('1,234.5');
  });
});

// UI text must come from the catalogs: no JSX text or user-facing attribute
// written as a literal in app/ (the brand and the languages' own names excepted).
const allowedLiterals = new Set(['Työpeili', 'Suomi', 'Svenska', 'English', '·', '–', '—', '(', ')', ':', '/', '*', '|', '%', '×']);
const userFacingAttributes = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'label']);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name.startsWith('+') ? [] : tsxFiles(full);
    return full.endsWith('.tsx') ? [full] : [];
  });
}

function literalTexts(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      const text = node.getText().replace(/\s+/g, ' ').trim();
      if (/\p{L}/u.test(text) && !allowedLiterals.has(text)) found.push(text);
    }
    if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
      const name = node.name.getText();
      const text = node.initializer.text.trim();
      if (userFacingAttributes.has(name) && /\p{L}/u.test(text) && !allowedLiterals.has(text)) found.push(`${name}="${text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('UI text outside the catalogs', () => {
  it('finds none in app/', () => {
    const offenders = tsxFiles(path.resolve('app')).flatMap((f) => literalTexts(f).map((t) => `${path.relative('.', f)}: ${t}`));
    expect(offenders).toEqual([]);
  });

  it('detects a literal (the check can fail)', () => {
    const tmp = path.resolve('node_modules/.tmp-i18n-check.tsx');
    writeFileSync(tmp, 'export const X = () => <p aria-label="Sulje">Hei maailma</p>;');
    try {
      expect(literalTexts(tmp)).toEqual(['aria-label="Sulje"', 'Hei maailma']);
    } finally {
      rmSync(tmp);
    }
  });
});
