import { type MigrationInterface } from 'typeorm';
import { InitialSchema1764288000000 } from './1764288000000-initial-schema';
import { WorkforceQuotaDay1764461000000 } from './1764461000000-workforce-quota-day';
import { RecordingQa1764547200000 } from './1764547200000-recording-qa';

/** In order; a CI test checks that applying them all yields exactly the entities' schema. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  InitialSchema1764288000000,
  WorkforceQuotaDay1764461000000,
  RecordingQa1764547200000,
];
