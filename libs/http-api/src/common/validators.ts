import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { parseDay } from '@cti/domain';

/** A real calendar day written YYYY-MM-DD (2026-02-30 is refused, not rolled over). */
export const isCalendarDay = (value: unknown): boolean => parseDay(value).ok;

/** Query strings are text: 'true'/'false' become booleans, anything else stays (and fails @IsBoolean). */
export const ToBoolean = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  );

/** Strict whole numbers from query text: '10' → 10; '1e3', '10.5', '' stay invalid. */
export const ToInt = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d{1,9}$/.test(value) ? Number(value) : value,
  );

/** Agent ids (工号) and team ids: short, printable, no separators that could confuse a lookup. */
export const ENTITY_ID = /^[A-Za-z0-9_.-]{1,64}$/;
export const ENTITY_ID_MESSAGE = 'must be 1-64 letters, digits, dots, dashes or underscores';

/** Leg ids: `<agent>:<uniqueid>:<n>`. */
export const CALL_ID = /^[A-Za-z0-9_.:-]{3,200}$/;

/** An instant: ISO 8601 date-time with an explicit offset (a bare date or local time is ambiguous). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isInstant(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    INSTANT.test(value) &&
    !Number.isNaN(Date.parse(value)) &&
    isCalendarDay(value.slice(0, 10))
  );
}

export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must be an ISO 8601 date-time with offset, e.g. 2026-03-10T08:00:00+08:00`,
        ...options,
      },
      validator: { validate: isInstant },
    });
}
