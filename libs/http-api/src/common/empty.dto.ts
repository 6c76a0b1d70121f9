import { IsEmpty } from 'class-validator';

/**
 * For routes that take no query parameters: with forbidNonWhitelisted any parameter is refused.
 * The one never-set property only gives the class validation metadata.
 */
export class NoQuery {
  @IsEmpty()
  readonly _?: never;
}
