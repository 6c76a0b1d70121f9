import { Injectable, Logger } from '@nestjs/common';
import { type StayLate } from '@cti/domain';
import { type WebhookTarget } from '../config/workforce-config';
import { type ShiftEndRun } from '../ports/alerts';
import { WorkforceClock } from '../ports/clock';
import { WorkforceSettings } from '../ports/settings';
import { type NotificationResult } from '../ports/stores';
import {
  accepted,
  mustStayEvent,
  prepareRequest,
  stayFinishedEvent,
  type WorkforceEvent,
} from './robot-payloads';

/** A target as logs and results name it: the host only (a robot URL carries its key). */
export function targetLabel(target: WebhookTarget): string {
  try {
    return `${target.kind}:${new URL(target.url).host}`;
  } catch {
    return `${target.kind}:?`;
  }
}

/**
 * Posts quota-day events to the configured webhooks with node's fetch: each target once, with a
 * timeout; a failure is logged and returned, never thrown (the shift end goes on without it).
 */
@Injectable()
export class WebhookNotifier {
  private readonly logger = new Logger('WorkforceWebhooks');

  constructor(
    private readonly settings: WorkforceSettings,
    private readonly clock: WorkforceClock,
  ) {}

  mustStay(run: ShiftEndRun): Promise<NotificationResult[]> {
    const { locale } = this.settings.config.notifications;
    return this.send(mustStayEvent(run, this.settings.config.timezone, locale));
  }

  stayFinished(stay: StayLate, name: string, minutes: number): Promise<NotificationResult[]> {
    return this.send(
      stayFinishedEvent(stay, name, minutes, this.settings.config.notifications.locale),
    );
  }

  async send(event: WorkforceEvent): Promise<NotificationResult[]> {
    const targets = this.settings.config.notifications.webhooks;
    return Promise.all(targets.map((t) => this.post(t, event)));
  }

  private async post(target: WebhookTarget, event: WorkforceEvent): Promise<NotificationResult> {
    const label = targetLabel(target);
    const request = prepareRequest(target, event, this.clock.now());
    try {
      const res = await fetch(request.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(request.body),
        signal: AbortSignal.timeout(this.settings.config.notifications.timeoutMs),
      });
      const text = await res.text();
      if (!res.ok) return this.failed(label, target, `HTTP ${res.status}`, res.status);
      const verdict = accepted(target.kind, parseJson(text));
      if (!verdict.ok) return this.failed(label, target, verdict.error ?? 'refused', res.status);
      return { target: label, kind: target.kind, ok: true, status: res.status };
    } catch (err) {
      return this.failed(
        label,
        target,
        (err as Error).name === 'TimeoutError' ? 'timed out' : (err as Error).message,
      );
    }
  }

  private failed(
    label: string,
    target: WebhookTarget,
    error: string,
    status?: number,
  ): NotificationResult {
    this.logger.warn(`webhook ${label} failed: ${error}`);
    return {
      target: label,
      kind: target.kind,
      ok: false,
      ...(status !== undefined ? { status } : {}),
      error,
    };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
