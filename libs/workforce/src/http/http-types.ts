/*
 * The few Express response members the quota day's routes use (@types/express is not a
 * dependency): downloads and static files.
 */
export interface DownloadResponse {
  status(code: number): DownloadResponse;
  setHeader(name: string, value: string): DownloadResponse;
  json(body: unknown): unknown;
  send(body: Buffer | string): unknown;
}
