import type { Services } from '../services.ts';
import type { JobHandler } from './jobs.ts';

/** Every job handler the worker runs. */
export function jobHandlers(_services: Services): JobHandler<never>[] {
  return [];
}
