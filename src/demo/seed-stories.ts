// The demo's stories and exit interviews (issue 14, point 6): two published stories with their
// tellers' consent to the exact text — a hairdresser in Kuopio who learned to take a day off a
// week, a forest-services sole trader who started pricing by the job — one draft waiting for
// the demo entrepreneur's consent on /profile/stories, and two exit interviews in a group.
import { and, eq, isNotNull, ne } from 'drizzle-orm';
import type { Tx } from '../platform/db/db.ts';
import { users } from '../features/accounts/accounts.schema.ts';
import { memberships } from '../features/organizations/organizations.schema.ts';
import { uniqueSlug } from '../features/organizations/slug.ts';
import { groupFacilitators, groupMembers } from '../features/groups/groups.schema.ts';
import { storyContentHash, type StoryContent } from '../features/stories/content-hash.ts';
import { slugTaken } from '../features/stories/stories.queries.ts';
import { exitInterviews, stories, storyConsents } from '../features/stories/stories.schema.ts';

const DAY = 86_400_000;

const published: (StoryContent & { daysAgo: number })[] = [
  {
    titleFi: 'Maanantai on nyt minun päiväni',
    titleSv: 'Måndag är nu min dag',
    titleEn: 'Monday is my day now',
    bodyFi:
      'Pidin kampaamoa auki kuutena päivänä viikossa, koska pelkäsin asiakkaiden menevän muualle. Ryhmässä joku kysyi, milloin viimeksi olin levännyt kokonaisen päivän. En muistanut.\n\nNyt maanantai on kiinni. Yksikään vakioasiakas ei lähtenyt, ja jaksan taas nauraa tuolissa asiakkaan kanssa.',
    bodySv:
      'Jag höll frisersalongen öppen sex dagar i veckan av rädsla för att kunderna skulle gå någon annanstans. I gruppen frågade någon när jag senast vilat en hel dag. Jag mindes inte.\n\nNu är måndagen stängd. Inte en enda stamkund försvann, och jag orkar skratta med kunderna igen.',
    bodyEn:
      'I kept my salon open six days a week because I was afraid customers would go elsewhere. In the group someone asked when I had last rested a whole day. I could not remember.\n\nNow Mondays are closed. Not one regular customer left, and I have the energy to laugh with customers again.',
    displayName: 'first',
    sector: 'Kampaamo',
    municipality: 'Kuopio',
    daysAgo: 40,
  },
  {
    titleFi: 'Hinta koko työlle, ei tunneille',
    titleSv: '',
    titleEn: 'A price for the job, not the hours',
    bodyFi:
      'Laskutin metsätöistä tuntihinnalla, ja jokainen sadepäivä tai hidas maasto söi tuloja. Vertaisryhmän toinen yrittäjä näytti, miten hän hinnoittelee urakan kerralla.\n\nNyt annan asiakkaalle hinnan koko työlle. Asiakas tietää heti, mitä maksaa, ja minä tiedän, mitä saan. Tarjouksen tekeminen vie vartin, ei iltaa.',
    bodySv: '',
    bodyEn:
      'I billed forest work by the hour, and every rainy day or slow terrain ate into my income. Another entrepreneur in the peer group showed how she prices a whole job at once.\n\nNow I give the customer one price for the job. They know at once what they pay, and I know what I get. A quote takes a quarter of an hour, not an evening.',
    displayName: 'anonymous',
    sector: 'Metsäpalvelut',
    municipality: 'Pohjois-Savo',
    daysAgo: 12,
  },
];

const draft: StoryContent = {
  titleFi: 'Sanon nyt ei ilman selityksiä',
  titleSv: '',
  titleEn: '',
  bodyFi:
    'Otin vastaan jokaisen keikan, vaikka kalenteri oli täynnä. Ryhmässä harjoittelimme kieltäytymistä, ja ensimmäinen kerta oli vaikea. Nyt sanon ei ilman pitkiä selityksiä, ja minulla on aikaa niille töille, joista pidän.',
  bodySv: '',
  bodyEn: '',
  displayName: 'first',
  sector: 'Graafinen suunnittelu',
  municipality: 'Kuopio',
};

export async function seedStories(
  tx: Tx,
  input: { organizationId: string; now: Date; coordinatorEmail: string; entrepreneurEmail?: string },
): Promise<{ stories: number; exitInterviews: number }> {
  const { organizationId, now } = input;
  const [coordinator] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.coordinatorEmail));
  const [demoEntrepreneur] = input.entrepreneurEmail ? await tx.select({ id: users.id }).from(users).where(eq(users.email, input.entrepreneurEmail)) : [];
  // Two other entrepreneurs of the organisation tell the published stories.
  const tellers = await tx
    .select({ id: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'entrepreneur'), demoEntrepreneur ? ne(memberships.userId, demoEntrepreneur.id) : undefined))
    .orderBy(memberships.userId)
    .limit(2);
  let count = 0;
  const insert = async (subjectUserId: string, content: StoryContent, at: Date, publish: boolean) => {
    const slug = await uniqueSlug(content.titleFi, (s) => slugTaken(tx, s), 'tarina');
    const contentHash = storyContentHash(content);
    const { daysAgo: _d, ...values } = content as StoryContent & { daysAgo?: number };
    const [story] = await tx
      .insert(stories)
      .values({ organizationId, subjectUserId, createdBy: coordinator?.id ?? null, slug, ...values, contentHash, createdAt: at, updatedAt: at, publishedAt: publish ? new Date(at.getTime() + DAY) : null })
      .returning();
    if (publish)
      await tx.insert(storyConsents).values({ organizationId, storyId: story!.id, userId: subjectUserId, decision: 'consented', contentHash, displayName: content.displayName, decidedAt: new Date(at.getTime() + DAY / 2) });
    count += 1;
  };
  for (const [i, s] of published.entries()) {
    const teller = tellers[i];
    if (teller) await insert(teller.id, s, new Date(now.getTime() - s.daysAgo * DAY), true);
  }
  if (demoEntrepreneur) await insert(demoEntrepreneur.id, draft, new Date(now.getTime() - 2 * DAY), false);

  // Two exit interviews in a group that has a facilitator and members.
  const [facilitated] = await tx
    .select({ groupId: groupFacilitators.groupId, userId: groupFacilitators.userId })
    .from(groupFacilitators)
    .where(eq(groupFacilitators.organizationId, organizationId))
    .limit(1);
  let interviews = 0;
  if (facilitated) {
    const members = await tx
      .select({ userId: groupMembers.userId })
      .from(groupMembers)
      .where(and(eq(groupMembers.organizationId, organizationId), eq(groupMembers.groupId, facilitated.groupId), demoEntrepreneur ? ne(groupMembers.userId, demoEntrepreneur.id) : undefined))
      .orderBy(groupMembers.userId)
      .limit(2);
    const notes = [
      {
        whatChanged: 'Pitää nyt yhden vapaapäivän viikossa ja lopettaa työt kuudelta.',
        whatHelped: 'Ryhmän kysymykset ja se, että seuraavalla kerralla kysyttiin, miten meni.',
        whatWasHard: 'Aluksi syyllisyys siitä, että ei vastaa puhelimeen iltaisin.',
        whatNext: 'Haluaa nostaa hintoja keväällä.',
        wouldRecommend: 'Kyllä, erityisesti yksin työskenteleville.',
        themes: ['recovery', 'time'],
      },
      {
        whatChanged: 'Hinnoittelee urakat kokonaishinnalla ja tekee tarjoukset nopeammin.',
        whatHelped: 'Toisen yrittäjän esimerkkilaskelma ja oma pieni askel joka kokoontumisessa.',
        whatWasHard: 'Aikataulut: metsätyökaudella kokouksiin oli vaikea ehtiä.',
        whatNext: 'Jatkaa vertaistapaamisia omalla porukalla kerran kuussa.',
        wouldRecommend: 'Kyllä, jos illat sopivat.',
        themes: ['finance', 'peer-group'],
      },
    ];
    for (const [i, m] of members.entries()) {
      const n = notes[i]!;
      await tx.insert(exitInterviews).values({
        organizationId,
        groupId: facilitated.groupId,
        userId: m.userId,
        recordedBy: facilitated.userId,
        interviewedOn: new Date(now.getTime() - (20 - i * 5) * DAY).toISOString().slice(0, 10),
        ...n,
      });
      interviews += 1;
    }
  }
  return { stories: count, exitInterviews: interviews };
}

/** For tests: the published demo stories' slugs. */
export async function publishedDemoStorySlugs(tx: Tx, organizationId: string): Promise<string[]> {
  const rows = await tx
    .select({ slug: stories.slug })
    .from(stories)
    .where(and(eq(stories.organizationId, organizationId), isNotNull(stories.publishedAt)));
  return rows.map((r) => r.slug);
}
