/** A URL-safe name: "Satakunnan Yrityspalvelut Oy" → "satakunnan-yrityspalvelut-oy". */
export function slugify(name: string, fallback = 'organisaatio'): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || fallback;
}

/** The slug itself, else slug-2, slug-3, … : the first one not taken. */
export async function uniqueSlug(name: string, taken: (slug: string) => Promise<boolean>, fallback?: string): Promise<string> {
  const base = slugify(name, fallback);
  if (!(await taken(base))) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
}
