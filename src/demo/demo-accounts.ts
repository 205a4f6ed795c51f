import type { Role } from '../features/organizations/organizations.schema.ts';

export const DEMO_PASSWORD = 'demo-tyopeili';

/** One sign-in per role in the first demo organisation (printed at start, listed in README). */
export const demoLogins: { role: Role; email: string }[] = [
  { role: 'admin', email: 'admin@demo.tyopeili.fi' },
  { role: 'coordinator', email: 'koordinaattori@demo.tyopeili.fi' },
  { role: 'facilitator', email: 'ohjaaja@demo.tyopeili.fi' },
  { role: 'entrepreneur', email: 'yrittaja@demo.tyopeili.fi' },
  { role: 'expert', email: 'asiantuntija@demo.tyopeili.fi' },
  { role: 'trainee', email: 'koulutettava@demo.tyopeili.fi' },
  { role: 'funder', email: 'rahoittaja@demo.tyopeili.fi' },
];

/** The second demo organisation's own people, one per role (no admin: admins are installation-wide). */
export const demoLoginsSecondOrganization: { role: Role; email: string }[] = [
  { role: 'coordinator', email: 'koordinaattori@rauma.demo.tyopeili.fi' },
  { role: 'facilitator', email: 'ohjaaja@rauma.demo.tyopeili.fi' },
  { role: 'entrepreneur', email: 'yrittaja@rauma.demo.tyopeili.fi' },
  { role: 'expert', email: 'asiantuntija@rauma.demo.tyopeili.fi' },
  { role: 'trainee', email: 'koulutettava@rauma.demo.tyopeili.fi' },
  { role: 'funder', email: 'rahoittaja@rauma.demo.tyopeili.fi' },
];
