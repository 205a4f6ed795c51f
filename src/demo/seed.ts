// The demo programme: two fictional organisations in Satakunta, their staff in every
// role, 40 entrepreneurs and their companies. Built with the same factories the tests
// use (tests/factories), from a fixed seed, so every machine gets the same demo.
// Everything here is fictional; only the municipalities and sectors are real.
import { count, eq, inArray, sql } from 'drizzle-orm';
import { users } from '../features/accounts/accounts.schema.ts';
import type { Company, CompanySizeCode } from '../features/companies/companies.schema.ts';
import { organizationMunicipalities, organizations, type Role } from '../features/organizations/organizations.schema.ts';
import type { Tx } from '../platform/db/db.ts';
import type { Services } from '../platform/services.ts';
import { createTestCompany, otherSectorCodes } from '../../tests/factories/companies.ts';
import { createRandom, emailFor, type Person, type Random } from '../../tests/factories/finnish-names.ts';
import { createTestOrganization } from '../../tests/factories/organizations.ts';
import { createTestEntrepreneur, createTestStaff, hashTestPassword, randomPersonOfGender } from '../../tests/factories/people.ts';
import { DEMO_PASSWORD, demoLogins, demoLoginsSecondOrganization } from './demo-accounts.ts';
import { raumaGroups, satakuntaGroups, seedGroups } from './seed-groups.ts';
import { seedOutcomes } from './seed-outcomes.ts';
import { seedAdvice } from './seed-advice.ts';
import { seedEvents } from './seed-events.ts';
import { seedKnowledge } from './seed-knowledge.ts';
import { seedStories } from './seed-stories.ts';
import { seedNewsletters } from './seed-newsletters.ts';
import { seedExperts } from './seed-experts.ts';
import { seedCertificates } from './seed-certificates.ts';
import { seedProgrammes } from './seed-programmes.ts';
import { seedTraining } from './seed-training.ts';

const SEED = 20_170_901; // the pilot began in 2017: any fixed number gives the same demo everywhere
const DEMO_SEED_LOCK = 72_346_102; // advisory lock: two instances starting at once seed once

type StaffRole = Exclude<Role, 'entrepreneur'>;

interface OrganizationPlan {
  name: string;
  slug: string;
  /** One sign-in per role, with its role e-mail. */
  logins: { role: Role; email: string }[];
  /** More staff with personal e-mails on `domain`. */
  moreStaff: StaffRole[];
  /** Domain of personal e-mails (firstname.lastname@…). */
  domain: string;
  /** Municipality codes, repeated to weigh them. */
  municipalities: string[];
  /** The public page's contact (/organizations/:slug); made up. */
  contact: { publicEmail: string; publicPhone: string; publicAddress: string };
  /** Sole entrepreneurs in social and health care (about half of the pilot). */
  soteSole: number;
  /** Key persons of sote firms with staff (about a quarter): people per firm. */
  soteFirms: number[];
  /** Entrepreneurs from other sectors (about a fifth). */
  otherSectors: number;
  /** A fixed person behind the entrepreneur sign-in (else drawn like the others). */
  entrepreneurLogin?: { person: Person; age: number; municipality: string };
}

const plans: OrganizationPlan[] = [
  {
    name: 'Työpeili Satakunta – Porin seudun yrityspalvelut',
    slug: 'tyopeili-satakunta',
    logins: demoLogins,
    moreStaff: ['facilitator', 'facilitator', 'expert', 'expert'],
    domain: 'satakunta.demo.tyopeili.fi',
    // Pori, Ulvila, Kankaanpää, Harjavalta, Nakkila, Kokemäki, Pomarkku, Merikarvia, Huittinen
    municipalities: ['609', '609', '609', '609', '609', '609', '886', '886', '214', '214', '079', '531', '271', '608', '484', '102'],
    contact: { publicEmail: 'ryhmat@satakunta.demo.tyopeili.fi', publicPhone: '02 555 0100', publicAddress: 'Yrittäjänkatu 1, 28100 Pori' },
    soteSole: 14,
    soteFirms: [2, 2, 1, 1, 1, 1],
    otherSectors: 6,
    entrepreneurLogin: { person: { firstName: 'Tuula', lastName: 'Rantanen', gender: 'female' }, age: 61, municipality: '609' },
  },
  {
    name: 'Rauman seudun yrityskehitys',
    slug: 'rauman-seudun-yrityskehitys',
    logins: demoLoginsSecondOrganization,
    moreStaff: ['facilitator'],
    domain: 'rauma.demo.tyopeili.fi',
    // Rauma, Eura, Eurajoki, Säkylä, Huittinen
    municipalities: ['684', '684', '684', '684', '684', '050', '050', '051', '051', '783', '102'],
    contact: { publicEmail: 'tyopeili@rauma.demo.tyopeili.fi', publicPhone: '02 555 0200', publicAddress: 'Kauppakatu 5, 26100 Rauma' },
    soteSole: 6,
    soteFirms: [2, 1],
    otherSectors: 3,
  },
];

export interface DemoSummary {
  organizations: { id: string; name: string; slug: string }[];
  people: number;
  entrepreneurs: number;
  companies: number;
}

/**
 * Seeds the demo into a database without organisations, in one transaction; returns null
 * (and changes nothing) when there already are some. Use seedDemoIfEmpty from seed-demo.ts.
 */
export async function seedDemo(services: Pick<Services, 'db'>): Promise<DemoSummary | null> {
  // One hash for every demo account: argon2id is deliberately slow.
  const passwordHash = await hashTestPassword(DEMO_PASSWORD);
  return services.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${DEMO_SEED_LOCK})`);
    const [existing] = await tx.select({ n: count() }).from(organizations);
    if ((existing?.n ?? 0) > 0) return null;
    return seedInto(tx, { passwordHash, random: createRandom(SEED), now: new Date() }, plans);
  });
}

/** The demo's organisations again as copy `k` (names, slugs and e-mail domains marked with k): for the ×10 bench. */
function copyOf(plan: OrganizationPlan, k: number): OrganizationPlan {
  const mark = (email: string) => email.replace('@', `@k${k}.`);
  return {
    ...plan,
    name: `${plan.name} (${k})`,
    slug: `${plan.slug}-${k}`,
    domain: `k${k}.${plan.domain}`,
    logins: plan.logins.map((l) => ({ ...l, email: mark(l.email) })),
  };
}

/** Adds copy `k` (k ≥ 2) of the demo programme beside the demo: the bench's data ×10. */
export async function seedDemoCopy(services: Pick<Services, 'db'>, k: number): Promise<DemoSummary> {
  const passwordHash = await hashTestPassword(DEMO_PASSWORD);
  return services.db.transaction((tx) =>
    seedInto(
      tx,
      { passwordHash, random: createRandom(SEED + k), now: new Date() },
      plans.map((p) => copyOf(p, k)),
    ),
  );
}

async function seedInto(tx: Tx, ctx: { passwordHash: string; random: Random; now: Date }, plans: OrganizationPlan[]): Promise<DemoSummary> {
  const { passwordHash, random } = ctx;
  const usedEmails = new Set<string>(plans.flatMap((p) => p.logins.map((l) => l.email)));
  // Nobody else gets the name of a fixed entrepreneur sign-in.
  for (const plan of plans) {
    if (plan.entrepreneurLogin) usedEmails.add(emailFor(plan.entrepreneurLogin.person.firstName, plan.entrepreneurLogin.person.lastName, plan.domain));
  }
  const userIds: string[] = [];
  const summary: DemoSummary = { organizations: [], people: 0, entrepreneurs: 0, companies: 0 };

  /** A new person whose firstname.lastname@domain is still free. */
  const newPerson = (gender: 'female' | 'male', domain: string): { person: Person; email: string } => {
    for (;;) {
      const person = randomPersonOfGender(random, gender);
      const email = emailFor(person.firstName, person.lastName, domain);
      if (!usedEmails.has(email)) {
        usedEmails.add(email);
        return { person, email };
      }
    }
  };

  for (const plan of plans) {
    const organization = await createTestOrganization(tx, { name: plan.name, slug: plan.slug });
    summary.organizations.push({ id: organization.id, name: organization.name, slug: organization.slug });
    const organizationId = organization.id;
    await tx.update(organizations).set(plan.contact).where(eq(organizations.id, organizationId));
    const municipality = () => random.pick(plan.municipalities);
    // The municipalities it serves (Huittinen by both: the application form asks there).
    await tx.insert(organizationMunicipalities).values([...new Set(plan.municipalities)].map((municipalityCode) => ({ organizationId, municipalityCode })));

    // Staff: the role sign-ins first, then the others.
    for (const login of plan.logins) {
      if (login.role === 'entrepreneur') continue;
      const { person } = newPerson(random.next() < 0.65 ? 'female' : 'male', plan.domain);
      const rows = await createTestStaff(tx, { organizationId, role: login.role, random, person, email: login.email, passwordHash });
      userIds.push(rows.user.id);
    }
    for (const role of plan.moreStaff) {
      const { person, email } = newPerson(random.next() < 0.65 ? 'female' : 'male', plan.domain);
      const rows = await createTestStaff(tx, { organizationId, role, random, person, email, passwordHash });
      userIds.push(rows.user.id);
    }

    // Entrepreneurs. The organisation's entrepreneur sign-in is the first sote sole trader.
    const entrepreneurLogin = plan.logins.find((l) => l.role === 'entrepreneur');
    const addEntrepreneur = async (input: {
      sector: string;
      size: CompanySizeCode;
      company?: Company;
      first?: boolean;
      drawn?: { person: Person; email: string };
    }) => {
      const fixed = input.first ? plan.entrepreneurLogin : undefined;
      // Social and health care entrepreneurs are mostly women (about 80 % in the pilot).
      const gender = random.next() < (input.sector === 'sote' ? 0.8 : 0.45) ? 'female' : 'male';
      const drawn = fixed ? { person: fixed.person, email: '' } : (input.drawn ?? newPerson(gender, plan.domain));
      const email = input.first && entrepreneurLogin ? entrepreneurLogin.email : drawn.email;
      const rows = await createTestEntrepreneur(tx, {
        organizationId,
        random,
        person: drawn.person,
        email,
        passwordHash,
        birthYear: fixed ? ctx.now.getFullYear() - fixed.age : undefined,
        company: input.company ?? { sector: input.sector, size: input.size, municipality: fixed?.municipality ?? municipality() },
      });
      if (!input.company && rows.company) summary.companies += 1;
      userIds.push(rows.user.id);
      summary.entrepreneurs += 1;
    };

    for (let i = 0; i < plan.soteSole; i++) await addEntrepreneur({ sector: 'sote', size: 'sole', first: i === 0 });
    for (const [i, people] of plan.soteFirms.entries()) {
      // Home care and therapy firms with a few employees; one has grown to a small firm.
      const owner = newPerson(random.next() < 0.8 ? 'female' : 'male', plan.domain);
      const company = await createTestCompany(tx, {
        organizationId,
        random,
        owner: owner.person,
        sector: 'sote',
        size: i === 0 && plan.soteFirms.length > 2 ? 'small' : 'micro',
        municipality: municipality(),
      });
      summary.companies += 1;
      for (let p = 0; p < people; p++) await addEntrepreneur({ sector: 'sote', size: company.size ?? 'micro', company, drawn: p === 0 ? owner : undefined });
    }
    for (let i = 0; i < plan.otherSectors; i++) {
      await addEntrepreneur({ sector: otherSectorCodes[i % otherSectorCodes.length]!, size: random.next() < 0.7 ? 'sole' : 'micro' });
    }
  }

  // Peer groups and 18 months of meetings, relative to now.
  const [first, second] = summary.organizations;
  const facilitatorOf = (logins: { role: Role; email: string }[]) => logins.find((l) => l.role === 'facilitator')!.email;
  const entrepreneurOf = (logins: { role: Role; email: string }[]) => logins.find((l) => l.role === 'entrepreneur')?.email;
  await seedGroups(tx, {
    organizationId: first!.id,
    random,
    now: ctx.now,
    leadFacilitatorEmail: facilitatorOf(plans[0]!.logins),
    entrepreneurEmail: entrepreneurOf(plans[0]!.logins),
    plans: satakuntaGroups,
    venue: 'Yrittäjätalo, Kauppakatu 12, 28100 Pori',
    walkingPoint: 'Kirjurinluodon pääportti, Pori',
    walkingRoute: 'Kirjurinluodon rantareitti, tasainen sorapolku',
  });
  await seedGroups(tx, {
    organizationId: second!.id,
    random,
    now: ctx.now,
    leadFacilitatorEmail: facilitatorOf(plans[1]!.logins),
    entrepreneurEmail: entrepreneurOf(plans[1]!.logins),
    plans: raumaGroups,
    venue: 'Kirjaston kokoushuone, Kirjastokatu 4, 26100 Rauma',
    walkingPoint: 'Vanhan Rauman tori',
    walkingRoute: 'Vanhan Rauman kierros ja Syvärauman lahden rantareitti',
  });

  // Outcome measurement: consent, check-ins with plausible change and attrition, feedback.
  for (const [i, organization] of [first!, second!].entries()) {
    await seedOutcomes(tx, { organizationId: organization.id, random, now: ctx.now, entrepreneurEmail: entrepreneurOf(plans[i]!.logins) });
  }

  // Advice for one company: two advisors each, past sessions with notes and steps, upcoming bookings.
  const coordinatorOf = (logins: { role: Role; email: string }[]) => logins.find((l) => l.role === 'coordinator')!.email;
  const onSite = ['Yrittäjätalo, Kauppakatu 12, 28100 Pori', 'Kirjaston kokoushuone, Kirjastokatu 4, 26100 Rauma'];
  for (const [i, organization] of [first!, second!].entries()) {
    await seedAdvice(tx, {
      organizationId: organization.id,
      now: ctx.now,
      facilitatorEmail: facilitatorOf(plans[i]!.logins),
      coordinatorEmail: coordinatorOf(plans[i]!.logins),
      entrepreneurEmail: entrepreneurOf(plans[i]!.logins),
      onSite: onSite[i]!,
    });
  }

  await seedEvents(tx, { organizationId: first!.id, now: ctx.now });

  // The knowledge bank: a dozen good practices by the first organisation's staff.
  const expertOf = (logins: { role: Role; email: string }[]) => logins.find((l) => l.role === 'expert')!.email;
  await seedKnowledge(tx, {
    organizationId: first!.id,
    now: ctx.now,
    emails: { coordinator: coordinatorOf(plans[0]!.logins), facilitator: facilitatorOf(plans[0]!.logins), expert: expertOf(plans[0]!.logins) },
  });

  // Stories with consent and exit interviews (issue 14, point 6).
  await seedStories(tx, { organizationId: first!.id, now: ctx.now, coordinatorEmail: coordinatorOf(plans[0]!.logins), entrepreneurEmail: entrepreneurOf(plans[0]!.logins) });
  // Newsletters: a crisis-support mailing of spring 2020 in the public archive, subscribers, a draft.
  const [coordinatorRow] = await tx.select({ id: users.id }).from(users).where(eq(users.email, coordinatorOf(plans[0]!.logins)));
  await seedNewsletters(tx, { organizationId: first!.id, now: ctx.now, coordinatorId: coordinatorRow?.id ?? null });
  // Experts: profiles, an accepted segment with its hours, an invitation waiting for an answer.
  await seedExperts(tx, { organizationId: first!.id, now: ctx.now, expertEmail: expertOf(plans[0]!.logins), coordinatorEmail: coordinatorOf(plans[0]!.logins) });
  // Certificates: the facilitators' "Ohjaajakoulutus 2020", one given twice and revoked (issue 15, point 6).
  await seedCertificates(tx, { organizations: [first!, second!].map((o, i) => ({ id: o.id, coordinatorEmail: coordinatorOf(plans[i]!.logins) })), random });

  // The pilot as an ESF programme: targets, linked groups, events and advice, the funder, start data (issue 17).
  await seedProgrammes(tx, { leadOrganizationId: first!.id, partnerOrganizationId: second!.id, random, now: ctx.now, coordinatorEmail: coordinatorOf(plans[0]!.logins), funderEmail: plans[0]!.logins.find((l) => l.role === 'funder')!.email, entrepreneurEmail: entrepreneurOf(plans[0]!.logins) });
  // Facilitator training: a finished cohort of 12 graduates and a running one (issue 15).
  const training = await seedTraining(tx, { organizationId: first!.id, now: ctx.now, coordinatorEmail: coordinatorOf(plans[0]!.logins), facilitatorEmail: facilitatorOf(plans[0]!.logins), traineeEmail: plans[0]!.logins.find((l) => l.role === 'trainee')!.email, domain: plans[0]!.domain, passwordHash, newPerson: (gender) => newPerson(gender, plans[0]!.domain) });
  userIds.push(...training.userIds);

  // Every seeded person is a demo account: labelled in the UI, exempt from required TOTP.
  await tx.update(users).set({ isDemo: true }).where(inArray(users.id, userIds));
  summary.people = userIds.length;
  return summary;
}
