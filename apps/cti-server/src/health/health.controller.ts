import { Controller, Get, HttpCode, HttpException, HttpStatus } from '@nestjs/common';
import { LiveCallCenter } from '../live/live-call-center';

/** 200 once connected to a PBX and resynced; 503 with the reason otherwise. */
@Controller('health')
export class HealthController {
  constructor(private readonly live: LiveCallCenter) {}

  @Get()
  @HttpCode(200)
  health() {
    const { ami, fresh, simulated } = this.live.linkState;
    const body = { status: fresh ? 'ok' : 'starting', ami: ami?.state ?? 'down', amiError: ami?.error, fresh, simulated };
    if (!fresh) throw new HttpException({ ...body, status: ami?.state === 'up' ? 'resyncing' : 'down' }, HttpStatus.SERVICE_UNAVAILABLE);
    return body;
  }
}
