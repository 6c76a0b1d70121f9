import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { type FieldProblem, invalid } from './api-error';

/** Nested validation errors as dotted field names with their messages. */
export function fieldProblems(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...fieldProblems(e.children ?? [], field)];
  });
}

/**
 * The API's input validation: unknown fields are refused (not silently dropped), values are
 * transformed to the DTO's types, and errors name every field. Values are never echoed back.
 */
export function apiValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => invalid(fieldProblems(errors)),
  });
}
