import { type ReportTransport } from '../../config/workforce-config';
import { type ReportFile } from '../report-files';
import { buildMime } from './mime';
import { sendSmtp } from './smtp-client';

/** One scheduled report, ready to go anywhere: subject and text for people, files, data for machines. */
export interface ReportDelivery {
  readonly report: string;
  readonly period: string;
  readonly subject: string;
  readonly text: string;
  readonly files: readonly ReportFile[];
  readonly data: unknown;
}

/** How deliveries and logs name a target (never its credentials). */
export function transportLabel(t: ReportTransport): string {
  if (t.kind === 'smtp') return `smtp:${t.host}:${t.port}`;
  try {
    return `webhook:${new URL(t.url).host}`;
  } catch {
    return 'webhook:?';
  }
}

export async function deliver(
  t: ReportTransport,
  d: ReportDelivery,
  nowMs: number,
  timeoutMs: number,
): Promise<void> {
  if (t.kind === 'smtp') {
    const mime = buildMime(
      { from: t.from, to: t.to, subject: d.subject, text: d.text, attachments: d.files },
      nowMs,
    );
    await sendSmtp(
      {
        host: t.host,
        port: t.port,
        secure: t.secure,
        starttls: t.starttls,
        ...(t.user !== undefined ? { user: t.user, password: t.password } : {}),
        timeoutMs,
      },
      t.from,
      t.to,
      mime,
    );
    return;
  }
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({
      event: 'report',
      report: d.report,
      period: d.period,
      subject: d.subject,
      text: d.text,
      data: d.data,
      attachments: d.files.map((f) => ({
        filename: f.filename,
        contentType: f.contentType,
        base64: f.content.toString('base64'),
      })),
    }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
}
