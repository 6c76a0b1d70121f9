import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { type HttpResponse } from './http-types';
import { type Observable } from 'rxjs';

/** API answers hold personal data: no cache may keep them (ASVS 14.3.2). */
@Injectable()
export class NoStoreInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() === 'http') {
      const res = ctx.switchToHttp().getResponse<HttpResponse>();
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
    }
    return next.handle();
  }
}
