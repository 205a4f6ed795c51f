// Every checkbox and radio of the product is the one shared control (issue 11, point 4): no page
// writes its own <input type="checkbox"> or "radio"; they all go through Choice in app/ui/form.tsx.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.tsx') && !e.name.endsWith('.test.tsx') ? [join(dir, e.name)] : [],
  );
}

/** An <input> whose type is checkbox or radio, over several lines too. */
const ownInput = /<input\b[^>]*\btype=["'](checkbox|radio)["']/;

describe('one checkbox and radio control', () => {
  it('no page outside app/ui/form.tsx renders a checkbox or radio input of its own', () => {
    const own = sources('app')
      .filter((file) => file !== join('app', 'ui', 'form.tsx'))
      .filter((file) => ownInput.test(readFileSync(file, 'utf8')));
    expect(own).toEqual([]);
  });

  it('finds such an input when one is there (the check can fail)', () => {
    expect(ownInput.test('<input\n  id="x"\n  type="checkbox" />')).toBe(true);
    expect(ownInput.test('<Choice type="radio" id="x" label="y" />')).toBe(false);
    expect(readFileSync(join('app', 'ui', 'form.tsx'), 'utf8')).toMatch(/<input type=\{type\}/);
  });
});
