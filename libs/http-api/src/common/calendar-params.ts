import { daySpanProblem, parseDay, parseMonth, type Parsed } from '@cti/domain';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { invalid } from '../errors/api-error';

/*
 * Days and months in paths, queries and bodies, for every controller: the domain's one parser,
 * its refusal as a 400 naming the field (`day: 2026-02-30 does not exist ...`).
 */

function parsedOr400(parsed: Parsed<string>, field: string): string {
  if (!parsed.ok) throw invalid([{ field, problems: [parsed.problem] }]);
  return parsed.value;
}

/** A calendar day `YYYY-MM-DD`, or a 400 naming `field`. */
export function calendarDay(value: unknown, field: string): string {
  return parsedOr400(parseDay(value), field);
}

/** A calendar month `YYYY-MM`, or a 400 naming `field`. */
export function calendarMonth(value: unknown, field: string): string {
  return parsedOr400(parseMonth(value), field);
}

/** `from`..`to` in order and at most `maxDays` long, or a 400 naming `field`. */
export function checkDaySpan(from: string, to: string, maxDays: number, field = 'to'): void {
  const problem = daySpanProblem(from, to, maxDays);
  if (problem !== undefined) throw invalid([{ field, problems: [problem] }]);
}

function calendarDecorator(
  name: string,
  parse: (value: unknown) => Parsed<string>,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: ({ value }) => {
          const parsed = parse(value);
          return `${String(propertyName)} ${parsed.ok ? 'is invalid' : parsed.problem}`;
        },
        ...options,
      },
      validator: { validate: (value: unknown) => parse(value).ok },
    });
}

/** DTO field: a calendar day `YYYY-MM-DD` (2026-02-30 and year 0000 are refused, not rolled over). */
export const IsCalendarDay = (options?: ValidationOptions): PropertyDecorator =>
  calendarDecorator('isCalendarDay', parseDay, options);

/** DTO field: a calendar month `YYYY-MM` (month 13 and year 0000 are refused). */
export const IsCalendarMonth = (options?: ValidationOptions): PropertyDecorator =>
  calendarDecorator('isCalendarMonth', parseMonth, options);
