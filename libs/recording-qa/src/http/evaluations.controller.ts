import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  UseFilters,
  UseGuards,
  UsePipes,
} from '@nestjs/common';
import { type CalibrationReport, type EvaluationStatus } from '@cti/domain';
import { type EvaluationRecord } from '../ports/qa-store.port';
import { QaScoringService } from '../qa/qa-scoring.service';
import { RecordingQaSettings } from '../recording-qa.settings';
import { monthRange } from '../reports/month-range';
import { DisputeDto, EvaluationQueryDto, ResolveDto, SubmitScoreDto } from './qa.dto';
import { principalOf, QaAuthGuard, type QaRequest, QaRoles } from './qa-auth.guard';
import { QaErrorFilter } from './qa-error.filter';
import { qaValidation } from './validation';

/** Scoring, the agent's own results (acknowledge / dispute) and the supervisor's resolution. */
@Controller('api/qa')
@UseGuards(QaAuthGuard)
@UseFilters(QaErrorFilter)
@UsePipes(qaValidation)
export class EvaluationsController {
  constructor(
    private readonly scoring: QaScoringService,
    private readonly settings: RecordingQaSettings,
  ) {}

  @ApiOperation({ summary: 'Score a recording against a scorecard' })
  @ApiCreatedResponse({ description: 'Created', type: Object })
  @Post('evaluations')
  @QaRoles('supervisor', 'qa')
  submit(@Body() body: SubmitScoreDto, @Req() req: QaRequest): Promise<EvaluationRecord> {
    return this.scoring.submit(principalOf(req), {
      assignmentId: body.assignmentId,
      scorecardId: body.scorecardId,
      ...(body.scorecardVersion !== undefined ? { scorecardVersion: body.scorecardVersion } : {}),
      answers: body.answers,
      comments: body.comments.map((c) => ({
        atSeconds: c.atSeconds,
        text: c.text,
        ...(c.itemId !== undefined ? { itemId: c.itemId } : {}),
      })),
    });
  }

  /** Role-scoped: an agent sees their own scores, a team leader the team's, QA their own reviews. */
  @ApiOperation({ summary: 'List evaluations within what the caller may see' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Get('evaluations')
  @QaRoles('agent', 'team_leader', 'supervisor', 'qa', 'admin')
  list(@Query() q: EvaluationQueryDto, @Req() req: QaRequest): Promise<EvaluationRecord[]> {
    const range = q.month ? monthRange(q.month, this.settings.config.timezone) : undefined;
    return this.scoring.list(principalOf(req), {
      ...(range ? { from: range.from, to: range.to } : {}),
      ...(q.status ? { statuses: [q.status as EvaluationStatus] } : {}),
    });
  }

  @ApiOperation({ summary: 'One evaluation' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Get('evaluations/:id')
  @QaRoles('agent', 'team_leader', 'supervisor', 'qa', 'admin')
  get(@Param('id') id: string, @Req() req: QaRequest): Promise<EvaluationRecord> {
    return this.scoring.get(principalOf(req), id);
  }

  @ApiOperation({ summary: 'Acknowledge my evaluation' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Post('evaluations/:id/acknowledge')
  @HttpCode(200)
  @QaRoles('agent')
  acknowledge(@Param('id') id: string, @Req() req: QaRequest): Promise<EvaluationRecord> {
    return this.scoring.respond(principalOf(req), id, 'acknowledge');
  }

  @ApiOperation({ summary: 'Dispute my evaluation, with a reason' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Post('evaluations/:id/dispute')
  @HttpCode(200)
  @QaRoles('agent')
  dispute(
    @Param('id') id: string,
    @Body() body: DisputeDto,
    @Req() req: QaRequest,
  ): Promise<EvaluationRecord> {
    return this.scoring.respond(principalOf(req), id, 'dispute', body.reason);
  }

  @ApiOperation({ summary: 'Resolve a dispute: uphold or amend the score' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Post('evaluations/:id/resolve')
  @HttpCode(200)
  @QaRoles('supervisor', 'admin')
  resolve(
    @Param('id') id: string,
    @Body() body: ResolveDto,
    @Req() req: QaRequest,
  ): Promise<EvaluationRecord> {
    return this.scoring.resolve(principalOf(req), id, body.outcome, body.note, body.amendedTotal);
  }

  @ApiOperation({ summary: 'Calibration spread of the reviewers who scored one recording' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Get('calibration/:recordingId')
  @QaRoles('supervisor', 'qa', 'admin')
  calibration(
    @Param('recordingId') recordingId: string,
    @Req() req: QaRequest,
  ): Promise<CalibrationReport> {
    return this.scoring.calibration(principalOf(req), recordingId);
  }
}
