// The demo's knowledge bank: a dozen good practices on the themes of the project texts (recovery,
// social-media marketing, data protection, time use, self-leadership, the 2020 crisis support,
// pricing, the peer group), written by the organisation's coordinator, facilitator and expert;
// mostly public, one for signed-in people, one for the organisation's own people, one Swedish
// and one English; one waiting for review and one published with a newer draft beside it.
import { inArray } from 'drizzle-orm';
import type { Tx } from '../platform/db/db.ts';
import { newId } from '../platform/db/ids.ts';
import { users } from '../features/accounts/accounts.schema.ts';
import { searchVector } from '../features/knowledge/article-workflow.ts';
import { slugTaken } from '../features/knowledge/knowledge.queries.ts';
import { articles, articleVersions, type ArticleLanguage, type ArticleVisibility } from '../features/knowledge/knowledge.schema.ts';
import { uniqueSlug } from '../features/organizations/slug.ts';

const DAY = 86_400_000;

interface DemoArticle {
  title: string;
  summary: string;
  body: string;
  themes: string[];
  by: 'coordinator' | 'facilitator' | 'expert';
  daysAgo: number;
  language?: ArticleLanguage;
  visibility?: ArticleVisibility;
  /** 'review': never published, waiting; 'newer': published, with a newer draft beside it. */
  state?: 'review' | 'newer';
}

const demoArticles: DemoArticle[] = [
  {
    title: 'Palautuminen kuuluu työpäivään',
    summary: 'Yksinyrittäjän työpäivä ei lopu itsestään. Näin ryhmämme yrittäjät rakensivat päivään tauot ja lopetuksen.',
    body: `Moni ryhmämme yrittäjä kertoi, että työ jatkuu illalla puhelimessa. Palautuminen ei ole palkinto, joka ansaitaan, vaan osa työtä.

## Mitä kokeilimme
- **Lopetusrituaali:** sama pieni teko joka päivä, esimerkiksi huomisen kolmen tärkeimmän asian kirjaaminen.
- **Puhelin pois klo 19:** asiakkaille kerrotaan vastausajat vastaajaviestissä ja sähköpostin allekirjoituksessa.
- **Lyhyt ulkoilu lounaalla:** kymmenen minuuttia riittää.

## Mitä huomasimme
Pienikin askel auttoi, kun siitä kerrottiin ryhmälle ja seuraavalla kerralla kysyttiin, miten meni. Vertaisten tuki teki palautumisesta luvallista.`,
    themes: ['recovery', 'peer-group'],
    by: 'facilitator',
    daysAgo: 300,
  },
  {
    title: 'Somemarkkinointi pienellä ajalla',
    summary: 'Kolme julkaisua viikossa ja vastaukset kommentteihin samana päivänä: kevyt malli, joka toimii.',
    body: `Somemarkkinointi tuntuu usein loputtomalta. Kokosimme ryhmän kokemuksista mallin, johon riittää tunti viikossa.

1. Valitse **yksi kanava**, jossa asiakkaasi jo ovat.
2. Suunnittele maanantaina viikon kolme julkaisua: yksi vinkki, yksi kurkistus arkeen, yksi tarjous tai kutsu.
3. Vastaa kommentteihin ja viesteihin saman päivän aikana.

Kuvat kannattaa ottaa työn lomassa valmiiksi. Markkinoinnin tulokset näkyvät vasta kuukausien päästä, joten seuraa yhtä lukua, esimerkiksi yhteydenottoja.`,
    themes: ['marketing', 'time'],
    by: 'expert',
    daysAgo: 240,
  },
  {
    title: 'Tietosuoja pienessä yrityksessä: muistilista',
    summary: 'Asiakasrekisteri, tietosuojaseloste ja salasanat kuntoon yhdessä iltapäivässä.',
    body: `Tietosuoja koskee myös yksinyrittäjää, jolla on asiakkaiden yhteystietoja.

## Tarkista nämä
- Mitä tietoja asiakkaista keräät ja miksi? Kirjaa se **tietosuojaselosteeseen**.
- Missä tiedot ovat? Sähköposti, puhelin, vihko, pilvipalvelu.
- Onko jokaisessa palvelussa oma, vahva salasana ja kaksivaiheinen tunnistautuminen?
- Poistatko tiedot, kun asiakkuus päättyy?

Lisätietoa: [Tietosuojavaltuutetun toimisto](https://tietosuoja.fi).`,
    themes: ['data-protection'],
    by: 'expert',
    daysAgo: 200,
  },
  {
    title: 'Ajankäytön pienet askeleet',
    summary: 'Viikkosuunnitelma, aikaikkunat ja yksi asia kerrallaan: ryhmän yrittäjien kokeilut.',
    body: `Ajankäyttö oli ryhmissä yleisin aihe. Suurin hyöty tuli pienistä, seurattavista askelista.

- **Maanantain vartti:** viikon suunnitelma paperille.
- **Aikaikkunat:** laskutus ja kirjanpito aina samaan aikaan viikosta.
- **Yksi asia kerrallaan:** ilmoitukset pois keskittymistä vaativan työn ajaksi.

Seuraavassa tapaamisessa jokainen kertoi, mitä askeleesta seurasi. Jos askel ei toiminut, se muotoiltiin uudelleen pienemmäksi.`,
    themes: ['time', 'self-leadership'],
    by: 'facilitator',
    daysAgo: 180,
    state: 'newer',
  },
  {
    title: 'Itsensä johtaminen yrittäjänä',
    summary: 'Kun kukaan ei anna tehtäviä eikä palautetta, yrittäjä johtaa itseään. Näin siihen saa otteen.',
    body: `Itsensä johtaminen tarkoittaa omien tavoitteiden, voimavarojen ja rajojen tunnistamista.

## Kysymyksiä ryhmälle
- Mikä työssäni antaa energiaa, mikä vie sitä?
- Mistä tiedän, että päivä oli hyvä?
- Kenelle voin puhua, kun on raskasta?

Ohjaajan vinkki: aloita kierros aina onnistumisesta. Se muuttaa koko keskustelun sävyn.`,
    themes: ['self-leadership', 'recovery'],
    by: 'coordinator',
    daysAgo: 150,
  },
  {
    title: 'Yritystuen hakeminen kriisissä',
    summary: 'Keväällä 2020 kokosimme yrittäjille ohjeet tukien hakemiseen. Opit pätevät yhä.',
    body: `Koronakevään 2020 aikana yrittäjät kysyivät eniten, mistä tukea saa ja miten sitä haetaan.

## Mistä tukea haettiin
- **Kunnan yksinyrittäjätuki:** haettiin oman kunnan elinkeinopalveluista.
- **Kehittämisavustus:** ELY-keskukselta ja Business Finlandilta.
- **Työmarkkinatuki yrittäjälle:** TE-toimistosta.

## Mikä auttoi
Hakemuksen liitteet kannatti koota kerralla: tilinpäätös, tuloslaskelma ja selvitys kriisin vaikutuksista. Yritysneuvoja kävi hakemukset läpi etänä. Uutiskirjeemme kertoi joka viikko, mitkä tuet olivat auki.`,
    themes: ['crisis', 'finance'],
    by: 'coordinator',
    daysAgo: 600,
  },
  {
    title: 'Hinnoittelu palveluyrityksessä',
    summary: 'Moni yksinyrittäjä hinnoittelee liian alas. Laske tuntihinta, joka kattaa myös laskuttamattoman työn.',
    body: `Hinnoittelu oli monelle ryhmämme yrittäjälle vaikein asia.

## Laske näin
1. Arvioi vuoden **laskutettavat tunnit** realistisesti (lomat, sairaudet, hallinto pois).
2. Laske vuoden kulut ja tavoittelemasi palkka sivukuluineen.
3. Jaa summa laskutettavilla tunneilla: tuo on alin tuntihintasi.

Hinnan nostaminen kannattaa kertoa asiakkaille ajoissa ja perustella laadulla.`,
    themes: ['finance', 'customers'],
    by: 'facilitator',
    daysAgo: 120,
  },
  {
    title: 'Vertaisryhmän ensimmäinen tapaaminen',
    summary: 'Ryhmäsopimus, luottamuksellisuus ja tasapuoliset puheenvuorot: näin aloitamme.',
    body: `Ensimmäinen tapaaminen ratkaisee paljon. Ohjaajana varaan aikaa tutustumiseen ja ryhmäsopimukseen.

- **Luottamuksellisuus:** mitä ryhmässä kerrotaan, jää ryhmään.
- **Tasapuoliset puheenvuorot:** jokainen saa saman ajan kierroksella.
- **Pieni askel:** jokainen valitsee yhden asian, jota kokeilee ennen seuraavaa kertaa.

Tämä artikkeli on tarkoitettu organisaatiomme ohjaajille.`,
    themes: ['peer-group'],
    by: 'coordinator',
    daysAgo: 90,
    visibility: 'organization',
  },
  {
    title: 'Asiakaspalvelu ja asiakkaiden pitäminen',
    summary: 'Vanha asiakas on uutta arvokkaampi. Ryhmämme yrittäjien keinot pitää asiakkaat.',
    body: `Ryhmissä huomattiin, että uusien asiakkaiden hankinta vie enemmän aikaa kuin vanhojen pitäminen.

- Soita tai viestitä asiakkaalle palvelun jälkeen ja kysy, miten meni.
- Muista vakioasiakkaat pienellä kiitoksella.
- Pyydä lupa kertoa palautteesta muille.

Asiakaspalautteen kerääminen auttoi myös hinnoittelussa: tyytyväiset asiakkaat hyväksyivät korotuksen.`,
    themes: ['customers', 'marketing'],
    by: 'facilitator',
    daysAgo: 60,
    visibility: 'signed_in',
  },
  {
    title: 'Återhämtning för ensamföretagare',
    summary: 'Korta pauser och ett tydligt slut på arbetsdagen hjälper. Erfarenheter från våra grupper.',
    body: `Många ensamföretagare arbetar på kvällarna. I våra grupper prövade företagarna små steg:

- en fast tid då telefonen stängs av,
- en kort promenad mitt på dagen,
- att skriva ner morgondagens tre viktigaste uppgifter.

Stödet från de andra i gruppen gjorde det lättare att hålla fast vid stegen.`,
    themes: ['recovery'],
    by: 'facilitator',
    daysAgo: 45,
    language: 'sv',
  },
  {
    title: 'Small steps between peer-group meetings',
    summary: 'How a small, followed-up step helps an entrepreneur change one habit at a time.',
    body: `At the end of each meeting, every member chooses **one small step** to try before the next meeting. At the next meeting the round begins with those steps.

- Keep the step small enough to do this week.
- Say it aloud to the group.
- If it did not work, make it smaller rather than dropping it.

This is the heart of the Työpeili model.`,
    themes: ['peer-group', 'self-leadership'],
    by: 'coordinator',
    daysAgo: 30,
    language: 'en',
  },
  {
    title: 'Jaksaminen sesonkiaikana',
    summary: 'Kun kalenteri on täynnä, jaksamisesta on pidettävä huolta etukäteen.',
    body: `Sesonkiaikana moni yrittäjä venyy. Ryhmässämme sovittiin etukäteen, mistä ei jousteta: uni, yksi vapaa ilta viikossa ja ateriat.

Ohjaajan huomio: jaksamisesta puhuminen ääneen ryhmässä auttoi huomaamaan kuormituksen ajoissa.`,
    themes: ['recovery', 'time'],
    by: 'facilitator',
    daysAgo: 3,
    state: 'review',
  },
];

export async function seedKnowledge(
  tx: Tx,
  input: { organizationId: string; now: Date; emails: Record<DemoArticle['by'], string> },
): Promise<{ articles: number }> {
  const people = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, Object.values(input.emails)));
  const idOf = (by: DemoArticle['by']) => people.find((p) => p.email === input.emails[by])?.id ?? null;
  for (const a of demoArticles) {
    const language = a.language ?? 'fi';
    const slug = await uniqueSlug(a.title, (candidate) => slugTaken(tx, candidate), 'artikkeli');
    const at = new Date(input.now.getTime() - a.daysAgo * DAY);
    const id = newId();
    const published = a.state !== 'review';
    const version = { title: a.title, summary: a.summary, body: a.body, themes: a.themes };
    await tx.insert(articles).values({
      organizationId: input.organizationId,
      id,
      slug,
      language,
      visibility: a.visibility ?? 'public',
      authorUserId: idOf(a.by),
      state: a.state === 'review' ? 'review' : a.state === 'newer' ? 'draft' : 'published',
      latestVersion: a.state === 'newer' ? 2 : 1,
      publishedVersion: published ? 1 : null,
      ...version,
      search: published ? await searchVector(tx, language, version) : null,
      publishedAt: published ? at : null,
      createdAt: at,
      updatedAt: a.state === 'newer' ? new Date(input.now.getTime() - DAY) : at,
    });
    await tx
      .insert(articleVersions)
      .values({ organizationId: input.organizationId, articleId: id, number: 1, ...version, editedBy: idOf(a.by), createdAt: at });
    if (a.state === 'newer') {
      await tx.insert(articleVersions).values({
        organizationId: input.organizationId,
        articleId: id,
        number: 2,
        ...version,
        body: `${a.body}\n\n## Lisäys\nKokeile myös viikon lopuksi viiden minuutin katsausta: mikä onnistui, mitä siirrän.`,
        editedBy: idOf(a.by),
        createdAt: new Date(input.now.getTime() - DAY),
      });
    }
  }
  return { articles: demoArticles.length };
}
