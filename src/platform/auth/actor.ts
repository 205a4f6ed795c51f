import type { Role } from './roles.ts';
import type { Locale } from '../i18n/i18n.ts';

export interface ActorMembership {
  organizationId: string;
  organizationName: string;
  role: Role;
}

/** The signed-in person as policies see them. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  locale: Locale | null;
  isDemo: boolean;
  totpEnabled: boolean;
  /** Installation-wide administrator (an admin membership anywhere). */
  isAdmin: boolean;
  memberships: ActorMembership[];
  /** The organisation the person is working in now, if any. */
  organizationId: string | null;
  /** The role in the active organisation (admin wins), or null. */
  role: Role | null;
  /** Set only for an API token acting for its organisation (ADR 037): its scopes narrow the rules. */
  service?: { tokenId: string; scopes: readonly string[] };
}
