// Any address no other route takes: a 404 through the root error boundary. As a matched route it
// lets the root loader run, so the page is in the person's chosen language and fits their role
// (with no match at all React Router runs no loader and the page fell back to Finnish).
import { data } from 'react-router';

export function loader(): never {
  throw data(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
