import { type RouteConfig, index, route } from '@react-router/dev/routes';

export default [
  index('routes/front-page.tsx'),
  route('language', 'routes/language.tsx'),
  route('sign-out', 'routes/sign-out.tsx'),
] satisfies RouteConfig;
