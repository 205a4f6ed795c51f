// The languages an expert may list (shown to the browser: no server imports here).
export const expertLanguages = ['fi', 'sv', 'en', 'et', 'ru', 'de', 'fr', 'es', 'ar', 'so'] as const;
export type ExpertLanguage = (typeof expertLanguages)[number];
