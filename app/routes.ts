import { type RouteConfig, index, route } from '@react-router/dev/routes';

export default [
  index('routes/front-page.tsx'),
  route('language', 'routes/language.tsx'),
  route('sign-out', 'routes/sign-out.tsx'),
  route('privacy', 'routes/privacy.tsx'),
  route('accessibility', 'routes/accessibility.tsx'),
] satisfies RouteConfig;
