import { type RecordWriter, type OpenedDatabase } from '@cti/persistence';
import { type ServerSettings } from '../live/server-settings';
import { type EventLoopLag } from './event-loop-lag';

/** What must exist before Nest builds the app (the migrated database, the record writer); a DI token. */
export abstract class ServerRuntime {
  abstract readonly settings: ServerSettings;
  abstract readonly database: OpenedDatabase;
  abstract readonly writer: RecordWriter;
  /** This process's event-loop delay: health reports it, and the hub and writer adapt to it. */
  abstract readonly loop: EventLoopLag;
  abstract close(): Promise<void>;
}
