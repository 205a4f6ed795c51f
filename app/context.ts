import { createContext } from 'react-router';
import type { RequestState } from '../src/platform/http/request-state.ts';

/** The request's state, set by the Hono server before React Router runs. */
export const requestStateContext = createContext<RequestState>();
