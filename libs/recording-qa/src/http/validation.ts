import { apiValidationPipe } from '@cti/http-api';

/**
 * E6: unknown fields and wrong types answer 400 VALIDATION_FAILED with the field list, before any
 * handler runs: the API's own pipe, so QA's validation errors read like every other route's.
 */
export const qaValidation = apiValidationPipe();
