// Composition root for /api/v1: the features' API operations, handed to the
// platform's API frame (src/platform/api/api.ts) by server/app.ts.
import { registerOrganizationApi } from '../src/features/organizations/organizations.api.ts';
import type { ApiModule } from '../src/platform/api/api.ts';

export const apiModules: readonly ApiModule[] = [registerOrganizationApi];
