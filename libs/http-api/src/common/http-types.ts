import { type IncomingHttpHeaders } from 'node:http';

/*
 * The few Express request/response members the API uses, typed here: @types/express is not a
 * dependency of the project, and these keep the platform coupling visible and small.
 */
export interface HttpRequest {
  readonly headers: IncomingHttpHeaders;
  /** Client address; honours the app's `trust proxy` setting. */
  readonly ip?: string;
}

export interface HttpResponse {
  readonly headersSent: boolean;
  status(code: number): HttpResponse;
  setHeader(name: string, value: string): unknown;
  json(body: unknown): unknown;
}
