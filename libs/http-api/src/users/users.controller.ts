import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type ApiPrincipal, type PublicUser } from '@cti/auth';
import { CurrentPrincipal, Roles } from '../access/access.decorators';
import { NoQuery } from '../common/empty.dto';
import { ErrorBodyDto } from '../common/error-body.dto';
import { UserDto } from '../auth/auth.dto';
import {
  CreateUserDto,
  ResetPasswordDto,
  ResetPasswordResponseDto,
  UpdateUserDto,
  UserIdParams,
} from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorBodyDto })
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'All users (never their password hashes)' })
  @ApiOkResponse({ type: UserDto, isArray: true })
  list(@Query() _query: NoQuery): Promise<PublicUser[]> {
    return this.users.list();
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a user (audited)' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'CONFLICT: username taken', type: ErrorBodyDto })
  create(
    @CurrentPrincipal() actor: ApiPrincipal,
    @Body() body: CreateUserDto,
  ): Promise<PublicUser> {
    return this.users.create(actor, body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({
    summary: "Change role, team, agent or disabled (audited; revokes the user's tokens)",
  })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ErrorBodyDto })
  @ApiConflictResponse({
    description: 'CONFLICT: would leave no enabled admin',
    type: ErrorBodyDto,
  })
  update(
    @CurrentPrincipal() actor: ApiPrincipal,
    @Param() params: UserIdParams,
    @Body() body: UpdateUserDto,
  ): Promise<PublicUser> {
    return this.users.update(actor, params.id, body);
  }

  @Post(':id/password')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: "Reset a password (audited; revokes the user's tokens)" })
  @ApiOkResponse({ type: ResetPasswordResponseDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ErrorBodyDto })
  async resetPassword(
    @CurrentPrincipal() actor: ApiPrincipal,
    @Param() params: UserIdParams,
    @Body() body: ResetPasswordDto,
  ): Promise<ResetPasswordResponseDto> {
    return {
      ...(await this.users.resetPassword(actor, params.id, body.password)),
      tokensRevoked: true,
    };
  }
}
