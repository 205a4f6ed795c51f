// The application form's rules and the time check, table-driven.
import { describe, expect, it } from 'vitest';
import { checkFormToken, FORM_MAX_AGE_MS, issueFormToken } from './form-token.ts';
import { applicationInputFromForm, applicationSchema, assignSchema, queueFilterSchema } from './intake.validation.ts';

const now = new Date('2026-11-23T08:00:00Z');
const valid = {
  organizationId: '0190a000-0000-7000-8000-00000000000a',
  name: 'Aino Virtanen',
  email: 'aino.virtanen@example.fi',
  phone: '',
  companyName: 'Tmi Aino Virtanen',
  businessId: '',
  sector: 'sote',
  size: 'sole',
  municipality: '609',
  birthYear: '1965',
  formats: ['in_person'],
  locale: 'fi',
  availability: '',
  hopes: '',
  consent: 'on',
};

function errorsOf(input: Record<string, unknown>): Record<string, string> {
  const result = applicationSchema(now).safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe('application schema', () => {
  it('accepts a complete application and normalises it', () => {
    const parsed = applicationSchema(now).parse({ ...valid, phone: ' 040 123 4567 ', hopes: '  ' });
    expect(parsed).toMatchObject({ name: 'Aino Virtanen', phone: '040 123 4567', businessId: null, hopes: null, birthYear: 1965, formats: ['in_person'] });
  });

  it.each([
    ['empty (optional)', '', null],
    ['Nokia Oyj', '0112038-9', '0112038-9'],
    ['without the hyphen', '01120389', '0112038-9'],
    ['with an en dash and spaces', ' 0112038–9 ', '0112038-9'],
  ])('accepts a business ID: %s', (_label, input, expected) => {
    expect(applicationSchema(now).parse({ ...valid, businessId: input }).businessId).toBe(expected);
  });

  it.each([
    ['a wrong check digit', '0112038-8'],
    ['six digits', '112038-9'],
    ['letters', 'ABCDEFG-1'],
  ])('refuses a business ID with %s', (_label, input) => {
    expect(errorsOf({ ...valid, businessId: input })).toEqual({ businessId: 'intake.validation.businessIdInvalid' });
  });

  it.each([
    ['1926', true],
    ['2011', true],
    ['1925', false],
    ['2012', false],
    ['65', false],
    ['19x5', false],
  ])('birth year %s in range 1926–2011 (in 2026): %s', (year, ok) => {
    expect(errorsOf({ ...valid, birthYear: year })).toEqual(ok ? {} : { birthYear: 'intake.validation.birthYearInvalid' });
  });

  it('needs an existing municipality code', () => {
    expect(errorsOf({ ...valid, municipality: '588' })).toEqual({ municipality: 'intake.validation.municipalityRequired' }); // Pertunmaa, merged 2025
    expect(errorsOf({ ...valid, municipality: '' })).toEqual({ municipality: 'intake.validation.municipalityRequired' });
    expect(errorsOf({ ...valid, municipality: '478' })).toEqual({}); // Maarianhamina
  });

  it('needs consent', () => {
    expect(errorsOf({ ...valid, consent: undefined })).toEqual({ consent: 'intake.validation.consentRequired' });
    expect(errorsOf({ ...valid, consent: 'yes' })).toEqual({ consent: 'intake.validation.consentRequired' });
  });

  it('needs a known sector, size, language and at least one format', () => {
    expect(errorsOf({ ...valid, sector: 'Z', size: 'huge', locale: 'de', formats: [] })).toEqual({
      sector: 'intake.validation.sectorRequired',
      size: 'intake.validation.sizeRequired',
      locale: 'intake.validation.localeRequired',
      formats: 'intake.validation.formatsRequired',
    });
    expect(errorsOf({ ...valid, formats: ['in_person', 'boat'] })).toEqual({ formats: 'intake.validation.formatsRequired' });
  });

  it('gives a message per field for an empty form', () => {
    const form = new FormData();
    const errors = errorsOf(applicationInputFromForm(form));
    expect(Object.keys(errors).sort()).toEqual(['birthYear', 'consent', 'email', 'formats', 'locale', 'municipality', 'name', 'organizationId', 'sector', 'size'].sort());
    expect(errors.name).toBe('intake.validation.nameRequired');
    expect(errors.email).toBe('intake.validation.emailRequired');
  });

  it('checks e-mail and phone', () => {
    expect(errorsOf({ ...valid, email: 'aino@' })).toEqual({ email: 'intake.validation.emailInvalid' });
    expect(errorsOf({ ...valid, phone: '12' })).toEqual({ phone: 'intake.validation.phoneInvalid' });
    expect(errorsOf({ ...valid, phone: '+358 40 123 4567' })).toEqual({});
  });

  it('reads several formats from a posted form', () => {
    const form = new FormData();
    form.append('formats', 'online');
    form.append('formats', 'walking');
    expect(applicationInputFromForm(form).formats).toEqual(['online', 'walking']);
  });
});

describe('intake queue inputs', () => {
  it('ignores unknown filter values and sorts newest first by default', () => {
    expect(queueFilterSchema.parse({ status: 'bogus', sector: 'sote', municipality: '999', format: 'walking', sort: 'x' })).toEqual({
      status: undefined,
      sector: 'sote',
      municipality: undefined,
      format: 'walking',
      sort: 'newest',
    });
  });

  it('needs a name for a new group and an id for an existing one', () => {
    expect(assignSchema.safeParse({ groupId: 'new', newGroupName: '' }).error?.issues[0]).toMatchObject({ path: ['newGroupName'], message: 'intake.validation.groupNameRequired' });
    expect(assignSchema.safeParse({ groupId: 'nope' }).error?.issues[0]).toMatchObject({ path: ['groupId'], message: 'intake.validation.groupRequired' });
    expect(assignSchema.parse({ groupId: 'new', newGroupName: ' Porin ryhmä ' })).toEqual({ kind: 'new', name: 'Porin ryhmä' });
  });
});

describe('form time check', () => {
  const secret = 'test-secret-that-is-long-enough-000000';
  it.each([
    [0, 'tooFast'],
    [2_999, 'tooFast'],
    [3_000, 'ok'],
    [FORM_MAX_AGE_MS, 'ok'],
    [FORM_MAX_AGE_MS + 1, 'expired'],
  ] as const)('a form sent %i ms after it was shown: %s', (age, expected) => {
    const token = issueFormToken(secret, now);
    expect(checkFormToken(secret, token, new Date(now.getTime() + age))).toBe(expected);
  });

  it('refuses a forged or missing token', () => {
    const token = issueFormToken(secret, now);
    const later = new Date(now.getTime() + 10_000);
    expect(checkFormToken('another-secret-000000000000000000000', token, later)).toBe('invalid');
    const [issued, signature] = token.split('.');
    expect(checkFormToken(secret, `${Number(issued) - 60_000}.${signature}`, later)).toBe('invalid');
    expect(checkFormToken(secret, undefined, later)).toBe('invalid');
    expect(checkFormToken(secret, 'garbage', later)).toBe('invalid');
  });
});
