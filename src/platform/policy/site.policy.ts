import { isAdmin, type Policy } from './policy.ts';

/** The public site's installation-wide content (the accessibility statement's facts): admins only. */
export const sitePolicy = {
  editAccessibilityStatement: isAdmin,
} satisfies Policy;
