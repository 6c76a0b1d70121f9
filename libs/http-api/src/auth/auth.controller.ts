import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ALL_ROLES, type ApiPrincipal, AuthService, canSeeNumbers } from '@cti/auth';
import { type HttpRequest } from '../common/http-types';
import { CurrentPrincipal, Public, Roles } from '../access/access.decorators';
import { ErrorBodyDto } from '../common/error-body.dto';
import { LoginDto, LoginResponseDto, MeDto } from './auth.dto';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary:
      'Sign in: a short-lived token (15 min). 5 failures per username and address in 5 min → 429; ' +
      'one account past 10 failures an hour, or too many sign-ins in progress → 429 with Retry-After.',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({
    description: 'UNAUTHENTICATED: invalid username or password',
    type: ErrorBodyDto,
  })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with Retry-After', type: ErrorBodyDto })
  @ApiServiceUnavailableResponse({
    description: 'UNAVAILABLE: the user store or the audit log cannot be reached',
    type: ErrorBodyDto,
  })
  async login(@Body() body: LoginDto, @Req() req: HttpRequest): Promise<LoginResponseDto> {
    const result = await this.auth.login({
      username: body.username,
      password: body.password,
      ip: req.ip ?? 'unknown',
    });
    return {
      token: result.token,
      tokenType: 'Bearer',
      expiresAt: new Date(result.expiresAt).toISOString(),
      user: result.user,
    };
  }

  @Get('me')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Who the token belongs to' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() p: ApiPrincipal): MeDto {
    return {
      userId: p.userId,
      username: p.username,
      role: p.role,
      ...(p.teamId !== undefined ? { team: p.teamId } : {}),
      ...(p.agentId !== undefined ? { agent: p.agentId } : {}),
      seesNumbers: canSeeNumbers(p.role),
      tokenExpiresAt: new Date(p.expiresAt).toISOString(),
    };
  }
}
