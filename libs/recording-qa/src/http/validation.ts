import { ValidationPipe } from '@nestjs/common';

/** E6: unknown fields and wrong types answer 400 with the field list, before any handler runs. */
export const qaValidation = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
});
