import { Injectable, type NestMiddleware } from '@nestjs/common';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { ServiceMetrics } from './service-metrics';

type RoutedRequest = IncomingMessage & { baseUrl?: string; route?: { path?: unknown } };

/** Times every request into cti_http_request_duration_seconds, labelled by route template. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: ServiceMetrics) {}

  use(req: RoutedRequest, res: ServerResponse, next: () => void): void {
    const stop = this.metrics.httpDuration.startTimer();
    res.once('finish', () =>
      // The template, never the raw URL: ids in paths would make one series per id.
      stop({ method: req.method, route: routeTemplate(req), status: String(res.statusCode) }),
    );
    next();
  }
}

function routeTemplate(req: RoutedRequest): string {
  const path = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : 'unmatched';
}
