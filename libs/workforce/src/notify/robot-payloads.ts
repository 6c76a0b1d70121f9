import { createHmac } from 'node:crypto';
import { type StayLate, wallTimeOf } from '@cti/domain';
import { type WebhookKind, type WebhookTarget } from '../config/workforce-config';
import { type ShiftEndRun } from '../ports/alerts';

/** What a webhook says: the event as data, and as text for people (robots show the text). */
export interface WorkforceEvent {
  readonly data: Readonly<Record<string, unknown>>;
  readonly title: string;
  readonly lines: readonly string[];
}

const hhmm = (at: number, tz: string) => {
  const m = wallTimeOf(at, tz).minutes;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

export function mustStayEvent(
  run: ShiftEndRun,
  tz: string,
  locale: 'zh-CN' | 'en',
): WorkforceEvent {
  const zh = locale === 'zh-CN';
  const at = `${run.day} ${hhmm(run.shiftEnd, tz)}`;
  return {
    data: {
      event: 'must-stay',
      day: run.day,
      shiftEnd: new Date(run.shiftEnd).toISOString(),
      ruleVersion: run.ruleVersion,
      agents: run.agents.map((a) => ({
        agentId: a.agentId,
        name: a.name,
        team: a.team ?? null,
        quota: a.quota,
        effective: a.effective,
        shortfall: a.shortfall,
      })),
    },
    title: zh ? `今日未完成电话量，需留下（${at}）` : `Below quota at shift end: must stay (${at})`,
    lines: run.agents.map((a) =>
      zh
        ? `${a.name}（${a.agentId}）：${a.effective}/${a.quota}，差 ${a.shortfall} 个`
        : `${a.name} (${a.agentId}): ${a.effective}/${a.quota}, ${a.shortfall} short`,
    ),
  };
}

export function stayFinishedEvent(
  stay: StayLate,
  name: string,
  minutes: number,
  locale: 'zh-CN' | 'en',
): WorkforceEvent {
  const zh = locale === 'zh-CN';
  const who = zh ? `${name}（${stay.agentId}）` : `${name} (${stay.agentId})`;
  const line =
    stay.state === 'released'
      ? zh
        ? `${who} 已由 ${stay.releasedBy ?? ''} 放行（原因：${stay.releaseReason ?? ''}），留下 ${minutes} 分钟，完成 ${stay.effective}/${stay.quota}`
        : `${who} released by ${stay.releasedBy ?? ''} (reason: ${stay.releaseReason ?? ''}) after ${minutes} min, ${stay.effective}/${stay.quota}`
      : zh
        ? `${who} 已完成电话量 ${stay.effective}/${stay.quota}，留下 ${minutes} 分钟`
        : `${who} met the quota ${stay.effective}/${stay.quota} after staying ${minutes} min`;
  return {
    data: {
      event: 'stay-finished',
      day: stay.day,
      agentId: stay.agentId,
      name,
      state: stay.state,
      quota: stay.quota,
      effective: stay.effective,
      finishedAt: stay.finishedAt !== undefined ? new Date(stay.finishedAt).toISOString() : null,
      stayLateMinutes: minutes,
      releasedBy: stay.releasedBy ?? null,
      releaseReason: stay.releaseReason ?? null,
    },
    title: zh ? '留下人员已结束' : 'Stay-late finished',
    lines: [line],
  };
}

export interface PreparedRequest {
  readonly url: string;
  readonly body: Readonly<Record<string, unknown>>;
}

/** The request a target expects: its payload shape, and its signature when it has a secret. */
export function prepareRequest(
  target: WebhookTarget,
  event: WorkforceEvent,
  nowMs: number,
): PreparedRequest {
  const markdown = `**${event.title}**\n${event.lines.map((l) => `> ${l}`).join('\n')}`;
  const text = `${event.title}\n${event.lines.join('\n')}`;
  switch (target.kind) {
    case 'generic':
      return { url: target.url, body: { ...event.data, title: event.title, text } };
    case 'wecom':
      // 企业微信群机器人: the key is in the URL; markdown messages up to 4096 bytes.
      return {
        url: target.url,
        body: { msgtype: 'markdown', markdown: { content: truncateBytes(markdown, 4000) } },
      };
    case 'dingtalk': {
      // 钉钉自定义机器人 加签: HMAC-SHA256 of "timestamp\nsecret", in the query string.
      const body = {
        msgtype: 'markdown',
        markdown: { title: event.title, text: markdown.replace(/\n/g, '\n\n') },
      };
      if (!target.secret) return { url: target.url, body };
      const sign = createHmac('sha256', target.secret)
        .update(`${nowMs}\n${target.secret}`)
        .digest('base64');
      const url = new URL(target.url);
      url.searchParams.set('timestamp', String(nowMs));
      url.searchParams.set('sign', sign);
      return { url: url.toString(), body };
    }
    case 'feishu': {
      // 飞书自定义机器人 签名校验: HMAC-SHA256 keyed with "timestamp\nsecret" over nothing, in the body.
      const body = { msg_type: 'text', content: { text } };
      if (!target.secret) return { url: target.url, body };
      const timestamp = String(Math.floor(nowMs / 1000));
      const sign = createHmac('sha256', `${timestamp}\n${target.secret}`)
        .update('')
        .digest('base64');
      return { url: target.url, body: { timestamp, sign, ...body } };
    }
  }
}

/** Whether a robot's 200 reply says it took the message (they answer 200 with an error code). */
export function accepted(
  kind: WebhookKind,
  reply: unknown,
): { readonly ok: boolean; readonly error?: string } {
  if (kind === 'generic') return { ok: true };
  const r = (reply ?? {}) as Record<string, unknown>;
  const code = kind === 'feishu' ? (r.code ?? r.StatusCode) : r.errcode;
  if (code === 0 || code === undefined) return { ok: true };
  return {
    ok: false,
    error:
      `robot refused: ${String(code)} ${String(r.errmsg ?? r.msg ?? r.StatusMessage ?? '')}`.trim(),
  };
}

function truncateBytes(s: string, max: number): string {
  if (Buffer.byteLength(s) <= max) return s;
  let out = s;
  while (Buffer.byteLength(`${out}…`) > max) out = out.slice(0, -1);
  return `${out}…`;
}
