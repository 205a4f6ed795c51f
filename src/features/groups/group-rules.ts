// Pure rules of a peer group: its size, and how a member is shown to the others.

/** A group works best with 4–8 members; outside that range the coordinator is warned, not stopped. */
export const GROUP_SIZE = { min: 4, max: 8 } as const;
export const MAX_FACILITATORS = 2;

export type GroupSizeAdvice = 'tooFew' | 'tooMany' | null;

export function groupSizeAdvice(memberCount: number): GroupSizeAdvice {
  if (memberCount < GROUP_SIZE.min) return 'tooFew';
  if (memberCount > GROUP_SIZE.max) return 'tooMany';
  return null;
}

/** The first name of a full name ("Aino Virtanen" → "Aino"); members see each other by first name. */
export function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? '';
}

export interface MemberDisplayInput {
  name: string;
  companyName: string | null;
  showCompany: boolean;
}

/** What the other members see: first name always, the company only if the member chose so. */
export function memberDisplay(member: MemberDisplayInput): { firstName: string; company: string | null } {
  return { firstName: firstName(member.name), company: member.showCompany && member.companyName ? member.companyName : null };
}
