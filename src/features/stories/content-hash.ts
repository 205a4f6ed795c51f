// The fingerprint of exactly what the person consents to: every language's title and text, the
// display choice and the details shown beside it. Any change gives another hash, which voids the
// consent (a consent row holds only for the hash it was given to).
import { createHash } from 'node:crypto';
import type { StoryDisplayName } from './stories.schema.ts';

export interface StoryContent {
  titleFi: string;
  titleSv: string;
  titleEn: string;
  bodyFi: string;
  bodySv: string;
  bodyEn: string;
  displayName: StoryDisplayName;
  sector: string | null;
  municipality: string | null;
}

export function storyContentHash(c: StoryContent): string {
  const fields = [c.titleFi, c.titleSv, c.titleEn, c.bodyFi, c.bodySv, c.bodyEn, c.displayName, c.sector ?? '', c.municipality ?? ''];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
