import type { MessageKey } from '../../src/platform/i18n/i18n.ts';
import type { Role } from '../../src/features/organizations/organizations.schema.ts';

export interface NavActor {
  role: Role | null;
  isAdmin: boolean;
}

/** The links a person sees in the header: only what their role can open. */
export function navigationFor(actor: NavActor | null): { href: string; label: MessageKey }[] {
  if (!actor) return [];
  const items: { href: string; label: MessageKey }[] = [{ href: '/home', label: 'nav.home' }];
  if (actor.role === 'coordinator' || actor.role === 'facilitator' || actor.role === 'trainee' || actor.role === 'entrepreneur')
    items.push({ href: '/groups', label: 'nav.groups' });
  if (actor.role === 'entrepreneur') items.push({ href: '/steps', label: 'nav.steps' }, { href: '/journal', label: 'nav.journal' });
  if (actor.role === 'coordinator' || actor.role === 'facilitator') items.push({ href: '/advice', label: 'nav.advice' });
  if (actor.role === 'coordinator') {
    items.push({ href: '/intake', label: 'nav.intake' });
    items.push({ href: '/organization/events', label: 'nav.events' });
    items.push({ href: '/organization/newsletters', label: 'newsletters.nav' });
    items.push({ href: '/organization/members', label: 'nav.members' });
    items.push({ href: '/organization/certificates', label: 'certificates.nav' });
  }
  if (actor.role === 'coordinator' || actor.role === 'facilitator' || actor.role === 'expert') items.push({ href: '/knowledge', label: 'nav.knowledge' });
  if (actor.role === 'coordinator' || actor.role === 'facilitator') items.push({ href: '/organization/stories', label: 'nav.stories' });
  if (actor.role === 'coordinator' || actor.role === 'funder') items.push({ href: '/evaluation', label: 'nav.evaluation' });
  if (actor.role === 'coordinator' || actor.role === 'admin') items.push({ href: '/organization/dashboard', label: 'dashboard.nav' });
  if (actor.role === 'coordinator' || actor.role === 'facilitator') items.push({ href: '/organization/experts', label: 'nav.experts' });
  if (actor.role === 'expert') items.push({ href: '/profile/expert', label: 'nav.expertProfile' });
  if (actor.role === 'coordinator') items.push({ href: '/organization/programmes', label: 'programmes.nav' });
  if (actor.isAdmin) items.push({ href: '/admin/organizations', label: 'nav.organizations' });
  items.push({ href: '/profile', label: 'nav.profile' });
  return items;
}
