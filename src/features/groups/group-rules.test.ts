import { describe, expect, it } from 'vitest';
import { firstName, groupSizeAdvice, memberDisplay } from './group-rules.ts';

describe('group size advice', () => {
  it.each([
    [0, 'tooFew'],
    [3, 'tooFew'],
    [4, null],
    [8, null],
    [9, 'tooMany'],
  ] as const)('%i members → %s', (n, advice) => expect(groupSizeAdvice(n)).toBe(advice));
});

describe('member display', () => {
  it('shows the first name only, and the company only by choice', () => {
    expect(firstName('  Aino  Maria Virtanen ')).toBe('Aino');
    expect(memberDisplay({ name: 'Aino Virtanen', companyName: 'Kampaamo Aino', showCompany: true })).toEqual({ firstName: 'Aino', company: 'Kampaamo Aino' });
    expect(memberDisplay({ name: 'Aino Virtanen', companyName: 'Kampaamo Aino', showCompany: false })).toEqual({ firstName: 'Aino', company: null });
    expect(memberDisplay({ name: 'Eero', companyName: null, showCompany: true })).toEqual({ firstName: 'Eero', company: null });
  });
});
