import { type RecordWriter, type OpenedDatabase } from '@cti/persistence';
import { type ServerSettings } from '../live/server-settings';

/** What must exist before Nest builds the app (the migrated database, the record writer); a DI token. */
export abstract class ServerRuntime {
  abstract readonly settings: ServerSettings;
  abstract readonly database: OpenedDatabase;
  abstract readonly writer: RecordWriter;
  abstract close(): Promise<void>;
}
