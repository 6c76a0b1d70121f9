import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Req,
  UseFilters,
  UseGuards,
  UsePipes,
} from '@nestjs/common';
import { type Scorecard, type ScorecardDefinition } from '@cti/domain';
import { QaClock } from '../ports/qa-runtime.port';
import { type SampleDrawRecord, type StoredScorecard } from '../ports/qa-store.port';
import { QaSamplingService } from '../qa/qa-sampling.service';
import { QaScorecardService } from '../qa/qa-scorecard.service';
import { type AssignmentView, QaScoringService } from '../qa/qa-scoring.service';
import { QaStore } from '../ports/qa-store.port';
import { DrawDto, ScorecardDto, WeekQueryDto } from './qa.dto';
import { principalOf, QaAuthGuard, type QaRequest, QaRoles } from './qa-auth.guard';
import { QaErrorFilter } from './qa-error.filter';
import { qaValidation } from './validation';

/** Scorecards (versioned), the per-shift draws and the reviewer's worklist. */
@Controller('api/qa')
@UseGuards(QaAuthGuard)
@UseFilters(QaErrorFilter)
@UsePipes(qaValidation)
export class QaSamplingController {
  constructor(
    private readonly scorecards: QaScorecardService,
    private readonly sampling: QaSamplingService,
    private readonly scoring: QaScoringService,
    private readonly store: QaStore,
    private readonly clock: QaClock,
  ) {}

  @ApiOperation({ summary: 'Scorecards in force (latest version of each)' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Get('scorecards')
  @QaRoles('agent', 'team_leader', 'supervisor', 'qa', 'admin')
  listScorecards(): Promise<Scorecard[]> {
    return this.scorecards.list();
  }

  @ApiOperation({ summary: 'Every version of a scorecard' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Get('scorecards/:id/versions')
  @QaRoles('supervisor', 'qa', 'admin')
  versions(@Param('id') id: string): Promise<StoredScorecard[]> {
    return this.scorecards.versions(id);
  }

  @ApiOperation({ summary: 'Define a new version of a scorecard' })
  @ApiCreatedResponse({ description: 'Created', type: Object })
  @Post('scorecards')
  @QaRoles('supervisor', 'admin')
  define(@Body() body: ScorecardDto, @Req() req: QaRequest): Promise<Scorecard> {
    return this.scorecards.define(
      body.definition as unknown as ScorecardDefinition,
      principalOf(req).userId,
      this.clock.now(),
    );
  }

  @ApiOperation({ summary: "Draw a shift's sample of recordings and assign reviewers" })
  @ApiCreatedResponse({ description: 'Created', type: Object })
  @Post('draws')
  @QaRoles('supervisor', 'qa', 'admin')
  draw(@Body() body: DrawDto, @Req() req: QaRequest): Promise<SampleDrawRecord> {
    return this.sampling.draw({
      day: body.day,
      shiftId: body.shiftId,
      ...(body.seed !== undefined ? { seed: body.seed } : {}),
      by: principalOf(req).userId,
    });
  }

  @ApiOperation({ summary: 'Draws of a week' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Get('draws')
  @QaRoles('supervisor', 'qa', 'admin')
  draws(@Query() q: WeekQueryDto): Promise<SampleDrawRecord[]> {
    return this.store.drawsOfWeek(this.sampling.weekOf(q.day).id);
  }

  /** Anyone allowed can re-run a draw from its recorded seed and inputs. */
  @ApiOperation({
    summary: 'Re-run a draw from its stored inputs and check it gives the same picks',
  })
  @ApiCreatedResponse({ description: 'Created', type: Object })
  @Post('draws/:id/verify')
  @QaRoles('supervisor', 'qa', 'admin')
  verify(@Param('id') id: string): Promise<{ identical: boolean; inputsIntact: boolean }> {
    return this.sampling.verify(id);
  }

  @ApiOperation({ summary: 'My open review assignments' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Get('assignments/mine')
  @QaRoles('supervisor', 'qa', 'admin')
  mine(@Req() req: QaRequest): Promise<AssignmentView[]> {
    return this.scoring.myAssignments(principalOf(req));
  }
}
