import { uuidv7 } from 'uuidv7';
import { uuid } from 'drizzle-orm/pg-core';

/** UUIDv7 keys, made in the app so PostgreSQL 15–17 (no uuidv7()) work too. */
export const newId = (): string => uuidv7();

export const idColumn = () => uuid('id').primaryKey().$defaultFn(newId);
