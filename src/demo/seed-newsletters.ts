// Demo newsletters of the first organisation (Porin seudun yrityspalvelut): a crisis-support mailing sent to public subscribers
// in spring 2020 (in the public archive, with its deliveries), a few confirmed subscribers (one
// still unconfirmed, so the double opt-in shows), and a draft to the organisation's entrepreneurs.
import type { Tx } from '../platform/db/db.ts';
import { newsletterDeliveries, newsletterSubscribers, newsletters } from '../features/newsletters/newsletters.schema.ts';
import { NEWSLETTER_CONSENT_VERSION } from '../features/newsletters/subscriptions.ts';

const DAY = 86_400_000;

const coronaFi = `Hyvä yrittäjä,

koronaepidemia on pysäyttänyt monen pienyrityksen myynnin lähes kokonaan. Kokosimme yhteen, mistä yksinyrittäjä ja pienen yrityksen omistaja voi nyt hakea tukea ja milloin.

## Kunta: yksinyrittäjän tuki 2 000 euroa

Kotikuntasi myöntää yksinyrittäjälle **2 000 euron** tuen yrityksen toiminnan kuluihin (esimerkiksi vuokra, vakuutukset, laitteet). Haku avautuu useimmissa kunnissa huhtikuun aikana, ja tuki myönnetään hakemusten järjestyksessä, joten hae heti haun auettua. Liitteeksi tarvitset tiedon liikevaihdon laskusta.

## ELY-keskus: yrityksen kehittämisavustus

Alle kuuden hengen yritykset (myös yksinyrittäjät) hakevat ELY-keskukselta kehittämisavustusta. Tuella voi selvittää uusia tapoja tehdä liiketoimintaa poikkeusoloissa: verkkokauppa, kotiinkuljetus, etäpalvelut. Selvitykseen voi saada **10 000 euroa** ja kehittämiseen **100 000 euroa**.

## Business Finland: 6–250 hengen yritykset

Business Finlandin häiriötilanteiden rahoitus on tarkoitettu yrityksille, joissa on vähintään kuusi työntekijää. Jos työllistät itsesi lisäksi muutaman, katso ensin ELY-keskuksen tuki.

## Työttömyysturva yrittäjälle

Yrittäjä voi väliaikaisesti saada työmarkkinatukea, jos yrityksen toiminta on loppunut tai tulot ovat pudonneet koronan vuoksi. Hae Kelasta ja ilmoittaudu TE-toimistoon työnhakijaksi; yritystä ei tarvitse lopettaa.

## Mitä teemme

Ryhmämme jatkavat verkossa. Jos haluat käydä hakemuksen läpi jonkun kanssa, varaa aika neuvojalle: autamme liitteiden ja perustelujen kanssa.

Jaksamista kevääseen!

Porin seudun yrityspalveluiden väki`;

const coronaSv = `Bästa företagare,

coronaepidemin har nästan stoppat försäljningen för många små företag. Här är var du som ensamföretagare eller ägare av ett litet företag kan söka stöd nu, och när.

## Kommunen: stöd för ensamföretagare 2 000 euro

Din hemkommun beviljar ensamföretagare ett stöd på **2 000 euro** för verksamhetens kostnader (hyra, försäkringar, utrustning). Ansökan öppnar i de flesta kommuner under april och stödet beviljas i den ordning ansökningarna kommer in.

## NTM-centralen: utvecklingsstöd

Företag med färre än sex anställda (även ensamföretagare) söker utvecklingsstöd från NTM-centralen: **10 000 euro** för en utredning och **100 000 euro** för utveckling.

## Business Finland: företag med 6–250 anställda

Business Finlands finansiering vid störningar är avsedd för företag med minst sex anställda.

Orka till våren!

Porin seudun yrityspalvelut`;

export async function seedNewsletters(tx: Tx, input: { organizationId: string; now: Date; coordinatorId: string | null }): Promise<{ newsletters: number }> {
  const sentAt = new Date('2020-04-03T07:30:00Z');
  const [sent] = await tx
    .insert(newsletters)
    .values({
      organizationId: input.organizationId,
      subjectFi: 'Koronatuet yrittäjälle: mistä haet ja milloin',
      subjectSv: 'Coronastöd för företagare: var du söker och när',
      subjectEn: '',
      bodyFi: coronaFi,
      bodySv: coronaSv,
      bodyEn: '',
      audienceKind: 'subscribers',
      status: 'sent',
      createdBy: input.coordinatorId,
      createdAt: new Date(sentAt.getTime() - DAY),
      updatedAt: sentAt,
      sentAt,
    })
    .returning();
  const subscribers = [
    { email: 'kukkakauppa.ruusu@example.fi', locale: 'fi' },
    { email: 'hieroja.lehtonen@example.fi', locale: 'fi' },
    { email: 'bageri.holm@example.fi', locale: 'sv' },
    { email: 'valokuvaaja.niemi@example.fi', locale: 'fi' },
  ];
  const consentAt = new Date('2020-03-20T10:00:00Z');
  await tx.insert(newsletterSubscribers).values([
    ...subscribers.map((s, i) => ({
      organizationId: input.organizationId,
      email: s.email,
      locale: s.locale,
      consentVersion: NEWSLETTER_CONSENT_VERSION,
      consentAt: new Date(consentAt.getTime() + i * 3_600_000),
      confirmedAt: new Date(consentAt.getTime() + i * 3_600_000 + 600_000),
    })),
    // Subscribed but never confirmed: gets nothing.
    { organizationId: input.organizationId, email: 'vahvistamatta@example.fi', locale: 'fi', consentVersion: NEWSLETTER_CONSENT_VERSION, consentAt: new Date(input.now.getTime() - 2 * DAY) },
  ]);
  await tx.insert(newsletterDeliveries).values(
    subscribers.map((s) => ({ organizationId: input.organizationId, newsletterId: sent!.id, email: s.email, locale: s.locale, status: 'sent' as const, sentAt, createdAt: sentAt })),
  );
  await tx.insert(newsletters).values({
    organizationId: input.organizationId,
    subjectFi: 'Kevään ryhmät alkavat: ilmoittaudu mukaan',
    bodyFi: 'Hei,\n\nuudet vertaisryhmät alkavat helmikuussa. Ryhmä kokoontuu kuusi kertaa, joka toinen viikko.\n\n- Seinäjoki, tiistaisin klo 17–19\n- Vaasa, verkossa torstaisin klo 8–9.30\n\nIlmoittaudu vastaamalla tähän viestiin tai Työpeilin hakulomakkeella.',
    audienceKind: 'entrepreneurs',
    status: 'draft',
    createdBy: input.coordinatorId,
    createdAt: new Date(input.now.getTime() - DAY),
    updatedAt: new Date(input.now.getTime() - DAY),
  });
  return { newsletters: 2 };
}
