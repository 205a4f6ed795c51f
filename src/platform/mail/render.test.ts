// Rendering a mail: the recipient's language, a safe HTML part made from the text.
import { describe, expect, it } from 'vitest';
import { mailTemplates } from './mail.ts';
import { catalogs } from '../i18n/i18n.ts';
import { renderMail } from './render.ts';

describe('renderMail', () => {
  it('has subject and body for every template in every language', () => {
    for (const locale of Object.keys(catalogs)) {
      for (const template of mailTemplates) {
        expect(Object.keys(catalogs[locale as keyof typeof catalogs]), `${locale} ${template}`).toEqual(expect.arrayContaining([`mail.${template}.subject`, `mail.${template}.body`, 'mail.footer']));
      }
    }
  });

  it('escapes values, keeps paragraphs and makes only http(s) links clickable', () => {
    const mail = renderMail({
      template: 'passwordReset',
      locale: 'en',
      values: { name: '<img src=x onerror=alert(1)> & "Ann"', url: 'https://tyopeili.example/reset-password/a?b=1&c=2', minutes: 60 },
    });
    expect(mail.subject).toBe('Setting a new password for Työpeili');
    expect(mail.text).toContain('Hello <img src=x onerror=alert(1)> & "Ann",');
    expect(mail.text).toMatch(/\n-- \nThis message was sent by Työpeili\./);
    expect(mail.html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(mail.html).toContain('<title>Setting a new password for Työpeili</title>');
    expect(mail.html).toContain('Hello &lt;img src=x onerror=alert(1)&gt; &amp; &quot;Ann&quot;,');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('<a href="https://tyopeili.example/reset-password/a?b=1&amp;c=2">https://tyopeili.example/reset-password/a?b=1&amp;c=2</a>');
    expect(mail.html.match(/<p /g)!.length).toBeGreaterThanOrEqual(4);
    expect(mail.html).toContain('This message was sent by Työpeili.');
  });

  it('leaves sentence punctuation and other schemes out of links', () => {
    const mail = renderMail({
      template: 'applicationDeclined',
      locale: 'fi',
      values: { name: 'Aino', organization: 'Yritystalo', message: 'Katso https://example.fi/ryhmat. Älä avaa javascript:alert(1) tai (https://example.fi/a).' },
    });
    expect(mail.html).toContain('<a href="https://example.fi/ryhmat">https://example.fi/ryhmat</a>. Älä avaa javascript:alert(1) tai (<a href="https://example.fi/a">https://example.fi/a</a>).');
    expect(mail.html).toContain('<html lang="fi">');
    expect(mail.subject).toBe('Hakemuksesi Työpeili-ryhmään');
  });

  it('keeps the subject on one line', () => {
    const mail = renderMail({ template: 'signInCode', locale: 'sv', values: { code: '12\r\nBcc: x@example.fi', minutes: 10, name: 'A' } });
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});
