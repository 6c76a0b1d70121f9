import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, ROLES, type Role } from '@cti/auth';
import { ENTITY_ID, ENTITY_ID_MESSAGE } from '../common/validators';

const USERNAME = /^[A-Za-z0-9._-]{3,64}$/;

export class UserIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class CreateUserDto {
  @ApiProperty({
    example: 'lead.north',
    description: '3-64 letters, digits, dots, dashes, underscores; stored lower-case',
  })
  @IsString()
  @Matches(USERNAME, {
    message: 'username must be 3-64 letters, digits, dots, dashes or underscores',
  })
  username!: string;

  @ApiProperty({
    format: 'password',
    minLength: MIN_PASSWORD_LENGTH,
    maxLength: MAX_PASSWORD_LENGTH,
  })
  @IsString()
  @Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH)
  password!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ description: 'Required for team_leader: the team they lead' })
  @IsOptional()
  @Matches(ENTITY_ID, { message: `team ${ENTITY_ID_MESSAGE}` })
  team?: string;

  @ApiPropertyOptional({ description: 'Required for agent: their agent id (工号)' })
  @IsOptional()
  @Matches(ENTITY_ID, { message: `agent ${ENTITY_ID_MESSAGE}` })
  agent?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'null clears it' })
  @IsOptional()
  @Matches(ENTITY_ID, { message: `team ${ENTITY_ID_MESSAGE}` })
  team?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'null clears it' })
  @IsOptional()
  @Matches(ENTITY_ID, { message: `agent ${ENTITY_ID_MESSAGE}` })
  agent?: string | null;

  @ApiPropertyOptional({ description: "true revokes the user's tokens at once" })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

export class ResetPasswordDto {
  @ApiPropertyOptional({
    format: 'password',
    minLength: MIN_PASSWORD_LENGTH,
    description: 'The new password; omit it to have one generated and returned once',
  })
  @IsOptional()
  @IsString()
  @Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH)
  password?: string;
}

export class ResetPasswordResponseDto {
  @ApiPropertyOptional({
    description: 'The generated password, shown this once (only when none was given)',
  })
  password?: string;
  @ApiProperty({ description: 'Tokens issued before the reset no longer work' })
  tokensRevoked!: boolean;
}
