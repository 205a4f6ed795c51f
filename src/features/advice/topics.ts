// The topics an advisor can offer, as codes with labels in the catalogs (the programme's
// expert themes: crisis support, financing, taxes, marketing, …).
import { translate, type Locale, type MessageKey } from '../../platform/i18n/i18n.ts';

export const adviceTopics = ['financing', 'crisisSupport', 'taxes', 'marketing', 'digital', 'wellbeing', 'growth', 'dataProtection'] as const;
export type AdviceTopic = (typeof adviceTopics)[number];

export function isAdviceTopic(value: string): value is AdviceTopic {
  return (adviceTopics as readonly string[]).includes(value);
}

export function topicLabel(topic: string, locale: Locale): string {
  return isAdviceTopic(topic) ? translate(locale, `advice.topic.${topic}` as MessageKey) : topic;
}
