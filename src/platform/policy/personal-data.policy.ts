// A person's own data as a whole ("my data", GDPR Art. 15, 17 and 20): only the person
// downloads it or erases their account. Staff erase someone's data in an organisation only
// by removing the member (membershipPolicy.remove), never through this policy.
import { isSelf, type Policy, type Rule } from './policy.ts';

/** Everything about one person: whose it is. */
export interface PersonalDataResource {
  userId: string;
}

const isThePerson: Rule<PersonalDataResource> = isSelf;

export const personalDataPolicy = {
  download: isThePerson,
  erase: isThePerson,
} satisfies Policy;
