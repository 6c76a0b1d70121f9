import { type ApiBodyOptions } from '@nestjs/swagger';
import { FOLLOW_UP_KINDS } from '@cti/domain';
import { EXCEPTION_FLAGS } from '../attendance/attendance.service';

/** A schema as @ApiBody takes it (the type itself is not exported by @nestjs/swagger). */
type SchemaObject = Extract<
  NonNullable<Extract<ApiBodyOptions, { schema: unknown }>['schema']>,
  { type?: unknown }
>;

/*
 * The request bodies of the quota-day routes, for OpenAPI. The routes validate their bodies in
 * the domain (every problem listed in one 400), so these describe what that validation accepts.
 */

const DAY: SchemaObject = { type: 'string', example: '2026-11-27', description: 'YYYY-MM-DD' };

export const OVERRIDE_BODY: SchemaObject = {
  type: 'object',
  required: ['day', 'kind', 'reason'],
  description: 'For one agent (agentId), a team (teamId) or, with neither, the whole center',
  properties: {
    day: DAY,
    agentId: { type: 'string' },
    teamId: { type: 'string' },
    kind: { type: 'string', enum: ['leave', 'off', 'work'] },
    pattern: { type: 'string', description: 'with kind work: the shift pattern to work' },
    reason: { type: 'string' },
  },
};

export const RULE_SET_BODY: SchemaObject = {
  type: 'object',
  required: ['version'],
  description: 'A new version of the rules, in force from its date (docs/quota-day.md)',
  properties: { version: { type: 'string', example: '2026-12-01' } },
  additionalProperties: true,
};

const FOLLOW_UP_FIELDS: Record<string, SchemaObject> = {
  kind: { type: 'string', enum: [...FOLLOW_UP_KINDS] },
  contactName: { type: 'string' },
  phoneNumber: { type: 'string' },
  content: { type: 'string' },
  legId: { type: 'string', description: 'the call it follows up' },
};

export const FOLLOW_UP_BODY: SchemaObject = {
  type: 'object',
  required: ['kind', 'contactName', 'phoneNumber', 'content'],
  properties: {
    ...FOLLOW_UP_FIELDS,
    agentId: {
      type: 'string',
      description: "leaders and up: the agent's record (agents: their own)",
    },
  },
};

export const FOLLOW_UP_CHANGE_BODY: SchemaObject = {
  type: 'object',
  required: ['revision'],
  properties: {
    revision: { type: 'integer', description: 'the revision you edited (a newer one is a 409)' },
    ...FOLLOW_UP_FIELDS,
  },
};

export const ATTENDANCE_EXCEPTION_BODY: SchemaObject = {
  type: 'object',
  required: ['agentId', 'day', 'flag', 'reason'],
  properties: {
    agentId: { type: 'string' },
    day: DAY,
    flag: { type: 'string', enum: [...EXCEPTION_FLAGS] },
    reason: { type: 'string' },
  },
};
