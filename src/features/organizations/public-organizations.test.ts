// The public contact's and the accessibility statement's input rules, without a database.
import { describe, expect, it } from 'vitest';
import { organizationSlugSchema, publicContactSchema } from './public-organizations.ts';
import { accessibilityStatementSchema } from '../site/accessibility-statement.ts';
import { slugify } from './slug.ts';

describe('publicContactSchema', () => {
  it('takes Finnish and international phone numbers, an e-mail and an address; empty clears a part', () => {
    expect(publicContactSchema.parse({ publicEmail: ' Ryhmat@Example.fi ', publicPhone: '(02) 620 3000', publicAddress: 'Satakunnankatu 23, 28130 Pori' })).toEqual({
      publicEmail: 'Ryhmat@Example.fi',
      publicPhone: '(02) 620 3000',
      publicAddress: 'Satakunnankatu 23, 28130 Pori',
    });
    expect(publicContactSchema.parse({ publicEmail: '', publicPhone: '+358 44 710 3662', publicAddress: '  ' })).toEqual({
      publicEmail: null,
      publicPhone: '+358 44 710 3662',
      publicAddress: null,
    });
  });

  it.each([
    [{ publicEmail: 'ei osoite', publicPhone: '', publicAddress: '' }, 'site.contact.emailInvalid'],
    [{ publicEmail: '', publicPhone: 'soita', publicAddress: '' }, 'site.contact.phoneInvalid'],
    [{ publicEmail: '', publicPhone: '12', publicAddress: '' }, 'site.contact.phoneInvalid'],
    [{ publicEmail: '', publicPhone: '', publicAddress: 'a'.repeat(201) }, 'site.contact.addressTooLong'],
    [{ publicEmail: '', publicPhone: '', publicAddress: 'rivi\nrivi' }, 'site.contact.addressTooLong'],
  ])('refuses %j with its message', (input, message) => {
    const result = publicContactSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});

describe('organizationSlugSchema', () => {
  it('accepts what slugify makes and nothing else', () => {
    for (const name of ['Satakunnan Yrityspalvelut Oy', 'Åbo Företagstjänst', 'A', 'x'.repeat(200)]) expect(organizationSlugSchema.safeParse(slugify(name)).success).toBe(true);
    for (const bad of ['', 'Iso', '-alku', 'loppu-', 'väli lyönti', '../etc', 'a'.repeat(81)]) expect(organizationSlugSchema.safeParse(bad).success, bad).toBe(false);
  });
});

describe('accessibilityStatementSchema', () => {
  const valid = {
    conformance: 'partial',
    assessment: 'self',
    preparedOn: '3.12.2026',
    reviewedOn: '2026-12-03',
    feedbackEmail: 'palaute@example.fi',
    feedbackPhone: '',
    authorityNameFi: 'Lupa- ja valvontavirasto',
    authorityNameSv: 'Tillstånds- och tillsynsverket',
    authorityNameEn: 'Finnish Licensing and Supervisory Agency',
    authorityUrl: 'https://www.saavutettavuusvaatimukset.fi',
    authorityEmail: 'saavutettavuus@avi.fi',
    authorityPhone: '0295 016 000',
  };

  it('reads Finnish dates and leaves an empty feedback phone out', () => {
    expect(accessibilityStatementSchema.parse(valid)).toMatchObject({ preparedOn: '2026-12-03', reviewedOn: '2026-12-03', feedbackPhone: null });
  });

  it.each([
    [{ conformance: 'mostly' }, 'site.a11yAdmin.required'],
    [{ reviewedOn: '30.2.2027' }, 'site.a11yAdmin.dateInvalid'],
    [{ authorityUrl: 'javascript:alert(1)' }, 'site.a11yAdmin.urlInvalid'],
    [{ authorityNameFi: ' ' }, 'site.a11yAdmin.required'],
    [{ authorityPhone: '' }, 'site.contact.phoneInvalid'],
  ])('refuses %j with its message', (change, message) => {
    const result = accessibilityStatementSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});
