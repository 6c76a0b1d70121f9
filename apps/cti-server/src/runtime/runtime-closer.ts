import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { LiveCallCenter } from '../live/live-call-center';
import { ServerRuntime } from './runtime-token';

/** Shuts down in order: no more events, then the writer drains, then the database stops. */
@Injectable()
export class RuntimeCloser implements OnApplicationShutdown {
  constructor(
    private readonly live: LiveCallCenter,
    private readonly runtime: ServerRuntime,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.live.stop();
    await this.runtime.close();
  }
}
