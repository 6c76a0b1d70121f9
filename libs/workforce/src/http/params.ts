import { FOLLOW_UP_KINDS, type FollowUpKind } from '@cti/domain';
import { calendarDay, calendarMonth } from '@cti/http-api';
import { type Locale } from '@cti/platform';
import { type ReportFormat } from '../reports/report-files';
import { invalidInput } from '../workforce-error';

/** Query parameters, checked: a bad one is a 400 naming it, never a guess. */
export function dayParam(value: unknown, fallback: string, name = 'day'): string {
  return value === undefined || value === '' ? fallback : calendarDay(value, name);
}

export function optionalDay(value: unknown, name: string): string | undefined {
  return value === undefined || value === '' ? undefined : dayParam(value, '', name);
}

export function monthParam(value: unknown, fallback: string): string {
  return value === undefined || value === '' ? fallback : calendarMonth(value, 'month');
}

export function formatParam(value: unknown): ReportFormat | 'json' {
  if (value === undefined || value === '') return 'json';
  if (value !== 'json' && value !== 'xlsx' && value !== 'csv')
    throw invalidInput(['format: must be json, xlsx or csv']);
  return value;
}

/** ?lang=, else the Accept-Language header's first choice, else Chinese. */
export function localeParam(value: unknown, acceptLanguage: string | undefined): Locale {
  if (value === 'zh-CN' || value === 'en') return value;
  if (value !== undefined && value !== '') throw invalidInput(['lang: must be zh-CN or en']);
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export function intParam(
  value: unknown,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw invalidInput([`${name}: must be a whole number from ${min} to ${max}`]);
  return n;
}

export function kindParam(value: unknown): FollowUpKind | undefined {
  if (value === undefined || value === '') return undefined;
  if (!FOLLOW_UP_KINDS.includes(value as FollowUpKind))
    throw invalidInput([`kind: must be one of ${FOLLOW_UP_KINDS.join(', ')}`]);
  return value as FollowUpKind;
}

export function textParam(value: unknown, name: string, max = 200): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length > max)
    throw invalidInput([`${name}: at most ${max} characters`]);
  return value;
}
