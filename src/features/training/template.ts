// The course template: the four online sessions of the project's facilitator training, the
// assignments of each session, and the facilitator competences the self-assessment and the
// mentor's feedback refer to. Content, so it lives here in all three languages (like an
// instrument's items), not in the UI catalogs.
import type { AssignmentKind, LocalizedText } from './training.schema.ts';

export interface TemplateAssignment {
  kind: AssignmentKind;
  title: LocalizedText;
  instructions: LocalizedText;
  dueDaysAfter: number;
}

export interface TemplateSession {
  title: LocalizedText;
  description: LocalizedText;
  assignments: TemplateAssignment[];
}

export const templateCourse: { title: LocalizedText; description: LocalizedText } = {
  title: { fi: 'Työpeili-ohjaajakoulutus', sv: 'Utbildning för Työpeili-handledare', en: 'Työpeili facilitator training' },
  description: {
    fi: 'Neljän etätapaamisen koulutus, jonka aikana ohjaat omaa Työpeili-harjoitusryhmääsi mentorin tuella.',
    sv: 'En utbildning med fyra distansträffar. Under utbildningen leder du din egen Työpeili-övningsgrupp med stöd av en mentor.',
    en: 'A training of four online sessions. During it you lead your own Työpeili practice group with a mentor’s support.',
  },
};

export const templateSessions: TemplateSession[] = [
  {
    title: { fi: 'Työpeili-malli ja ohjaajan rooli', sv: 'Työpeili-modellen och handledarens roll', en: 'The Työpeili model and the facilitator’s role' },
    description: {
      fi: 'Mistä Työpeili-ryhmä syntyy, miten se etenee ja mitä ohjaaja tekee – ja mitä hän jättää tekemättä.',
      sv: 'Hur en Työpeili-grupp uppstår, hur den framskrider och vad handledaren gör – och låter bli att göra.',
      en: 'How a Työpeili group comes about, how it proceeds and what the facilitator does – and leaves undone.',
    },
    assignments: [
      {
        kind: 'reflection',
        title: { fi: 'Pohdinta: minä ohjaajana', sv: 'Reflektion: jag som handledare', en: 'Reflection: me as a facilitator' },
        instructions: {
          fi: 'Kirjoita noin sivu: mitä vahvuuksia tuot ohjaajana ryhmään, ja mikä ohjaajan roolissa mietityttää?',
          sv: 'Skriv ungefär en sida: vilka styrkor tar du med dig som handledare, och vad i rollen funderar du på?',
          en: 'Write about a page: what strengths do you bring as a facilitator, and what about the role makes you wonder?',
        },
        dueDaysAfter: 7,
      },
    ],
  },
  {
    title: { fi: 'Dialogi, luottamuksellisuus ja tasavertaiset vuorot', sv: 'Dialog, konfidentialitet och jämlika turer', en: 'Dialogue, confidentiality and equal turns' },
    description: {
      fi: 'Dialoginen keskustelu ilman neuvomista, luottamuksen rakentaminen ja jokaisen puheenvuoron turvaaminen.',
      sv: 'Dialogiska samtal utan att ge råd, att bygga förtroende och att trygga allas tur att tala.',
      en: 'Dialogic talk without giving advice, building trust and making sure everyone has their turn.',
    },
    assignments: [
      {
        kind: 'plan',
        title: { fi: 'Harjoitusryhmän suunnitelma', sv: 'Plan för övningsgruppen', en: 'A plan for the practice group' },
        instructions: {
          fi: 'Suunnittele harjoitusryhmäsi kolme ensimmäistä tapaamista: teemat, menetelmät ja miten sovitte luottamuksellisuudesta.',
          sv: 'Planera de tre första träffarna i din övningsgrupp: teman, metoder och hur ni kommer överens om konfidentialitet.',
          en: 'Plan the first three meetings of your practice group: themes, methods and how you agree on confidentiality.',
        },
        dueDaysAfter: 10,
      },
    ],
  },
  {
    title: { fi: 'Pienet askeleet ja seuranta', sv: 'Små steg och uppföljning', en: 'Small steps and follow-up' },
    description: {
      fi: 'Konkreettiset pienet askeleet jokaisen tapaamisen lopussa ja niiden seuranta, jotta opittu juurtuu arkeen.',
      sv: 'Konkreta små steg i slutet av varje träff och uppföljningen av dem, så att det man lärt sig slår rot i vardagen.',
      en: 'Concrete small steps at the end of each meeting and their follow-up, so that what was learned takes root.',
    },
    assignments: [
      {
        kind: 'reflection',
        title: { fi: 'Pohdinta: ensimmäiset tapaamiset', sv: 'Reflektion: de första träffarna', en: 'Reflection: the first meetings' },
        instructions: {
          fi: 'Miten harjoitusryhmäsi tapaamiset ovat sujuneet? Miten pienet askeleet ja niiden seuranta toimivat?',
          sv: 'Hur har träffarna i din övningsgrupp gått? Hur fungerar de små stegen och uppföljningen?',
          en: 'How have your practice group’s meetings gone? How do the small steps and their follow-up work?',
        },
        dueDaysAfter: 7,
      },
    ],
  },
  {
    title: { fi: 'Muutoksen mittaaminen ja ryhmän päättäminen', sv: 'Att mäta förändring och avsluta en grupp', en: 'Measuring change and closing a group' },
    description: {
      fi: 'Alku- ja loppumittaukset, tulosten tulkinta ryhmän kanssa sekä hyvä lopetus.',
      sv: 'Mätningar i början och slutet, att tolka resultaten tillsammans med gruppen och ett gott avslut.',
      en: 'Measurements at the start and the end, reading the results with the group, and a good ending.',
    },
    assignments: [
      {
        kind: 'self_assessment',
        title: { fi: 'Itsearvio ohjaajan osaamisesta', sv: 'Självvärdering av handledarkompetensen', en: 'Self-assessment of the facilitator competences' },
        instructions: {
          fi: 'Arvioi osaamisesi jokaisessa ohjaajan osaamisalueessa ja perustele arviosi lyhyesti.',
          sv: 'Bedöm din kompetens inom varje kompetensområde för handledare och motivera kort.',
          en: 'Assess yourself against each facilitator competence and give brief reasons.',
        },
        dueDaysAfter: 14,
      },
    ],
  },
];

const levels: LocalizedText[] = [
  { fi: 'Alussa', sv: 'I början', en: 'Beginning' },
  { fi: 'Kehittyvä', sv: 'Under utveckling', en: 'Developing' },
  { fi: 'Osaava', sv: 'Kunnig', en: 'Proficient' },
  { fi: 'Vahva', sv: 'Stark', en: 'Strong' },
];

/** The facilitator competences (the rubric), each on the same four levels. */
export const templateRubric: { title: LocalizedText; levels: LocalizedText[] }[] = [
  { title: { fi: 'Dialogin ohjaaminen', sv: 'Att leda dialog', en: 'Guiding dialogue' }, levels },
  { title: { fi: 'Luottamuksellisuuden vaaliminen', sv: 'Att värna konfidentialiteten', en: 'Guarding confidentiality' }, levels },
  { title: { fi: 'Tasavertaiset puheenvuorot', sv: 'Jämlika turer', en: 'Equal turns' }, levels },
  { title: { fi: 'Pienten askelten tukeminen ja seuranta', sv: 'Att stödja och följa upp små steg', en: 'Supporting and following up small steps' }, levels },
  { title: { fi: 'Muutoksen arviointi ja ryhmän päättäminen', sv: 'Att utvärdera förändring och avsluta gruppen', en: 'Evaluating change and closing the group' }, levels },
];

/** A text in the reader's language, Finnish when missing. */
export function localized(text: LocalizedText, locale: string): string {
  const value = (text as unknown as Record<string, string | undefined>)[locale];
  return value && value.length > 0 ? value : text.fi;
}
