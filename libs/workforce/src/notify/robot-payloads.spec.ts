import { createHmac } from 'node:crypto';
import { type ShiftEndRun } from '../ports/alerts';
import { at } from '../testing/fixtures';
import { accepted, mustStayEvent, prepareRequest, stayFinishedEvent } from './robot-payloads';

const run: ShiftEndRun = {
  day: '2026-12-01',
  shiftEnd: at('2026-12-01', '17:00'),
  ranAt: at('2026-12-01', '17:00'),
  ruleVersion: 'v1',
  agents: [
    { agentId: '1003', name: '张敏', team: 't1', quota: 30, effective: 12, shortfall: 18 },
    { agentId: '1002', name: '李伟', team: 't1', quota: 50, effective: 47, shortfall: 3 },
  ],
};
const NOW = 1_764_579_600_000;

describe('webhook payloads', () => {
  const event = mustStayEvent(run, 'Asia/Shanghai', 'zh-CN');

  it('says who must stay and by how much, in Chinese or English', () => {
    expect(event.title).toBe('今日未完成电话量，需留下（2026-12-01 17:00）');
    expect(event.lines).toEqual(['张敏（1003）：12/30，差 18 个', '李伟（1002）：47/50，差 3 个']);
    expect(mustStayEvent(run, 'Asia/Shanghai', 'en').lines[1]).toBe('李伟 (1002): 47/50, 3 short');
  });

  it('generic: the event as JSON, with its text', () => {
    const { url, body } = prepareRequest({ url: 'http://h/x', kind: 'generic' }, event, NOW);
    expect(url).toBe('http://h/x');
    expect(body).toMatchObject({
      event: 'must-stay',
      day: '2026-12-01',
      shiftEnd: '2026-12-01T09:00:00.000Z',
      ruleVersion: 'v1',
      agents: [{ agentId: '1003', team: 't1', shortfall: 18 }, { agentId: '1002' }],
    });
  });

  it('WeCom group robot: markdown content', () => {
    expect(
      prepareRequest(
        { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K', kind: 'wecom' },
        event,
        NOW,
      ),
    ).toEqual({
      url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K',
      body: {
        msgtype: 'markdown',
        markdown: {
          content:
            '**今日未完成电话量，需留下（2026-12-01 17:00）**\n> 张敏（1003）：12/30，差 18 个\n> 李伟（1002）：47/50，差 3 个',
        },
      },
    });
  });

  it('DingTalk robot: markdown with a title; with a secret, signed in the query (加签)', () => {
    const plain = prepareRequest(
      { url: 'https://oapi.dingtalk.com/robot/send?access_token=T', kind: 'dingtalk' },
      event,
      NOW,
    );
    expect(plain.body).toMatchObject({ msgtype: 'markdown', markdown: { title: event.title } });
    const signed = prepareRequest(
      {
        url: 'https://oapi.dingtalk.com/robot/send?access_token=T',
        kind: 'dingtalk',
        secret: 'SECabc',
      },
      event,
      NOW,
    );
    const q = new URL(signed.url).searchParams;
    expect([q.get('access_token'), q.get('timestamp')]).toEqual(['T', String(NOW)]);
    expect(q.get('sign')).toBe(
      createHmac('sha256', 'SECabc').update(`${NOW}\nSECabc`).digest('base64'),
    );
  });

  it('Feishu robot: a text message; with a secret, timestamp (s) and sign in the body', () => {
    const signed = prepareRequest(
      { url: 'https://open.feishu.cn/open-apis/bot/v2/hook/H', kind: 'feishu', secret: 's3' },
      event,
      NOW,
    );
    const ts = String(Math.floor(NOW / 1000));
    expect(signed.body).toEqual({
      timestamp: ts,
      sign: createHmac('sha256', `${ts}\ns3`).update('').digest('base64'),
      msg_type: 'text',
      content: { text: `${event.title}\n${event.lines.join('\n')}` },
    });
  });

  it('robots answer 200 with an error code: that is a failure', () => {
    expect(accepted('wecom', { errcode: 0, errmsg: 'ok' })).toEqual({ ok: true });
    expect(accepted('dingtalk', { errcode: 310000, errmsg: 'sign not match' })).toEqual({
      ok: false,
      error: 'robot refused: 310000 sign not match',
    });
    expect(accepted('feishu', { code: 19021, msg: 'sign match fail' })).toEqual({
      ok: false,
      error: 'robot refused: 19021 sign match fail',
    });
    expect(accepted('generic', 'anything')).toEqual({ ok: true });
  });

  it('a finished stay names who released it and why', () => {
    const e = stayFinishedEvent(
      {
        agentId: '1002',
        day: '2026-12-01',
        shiftEnd: 0,
        quota: 50,
        effectiveAtShiftEnd: 47,
        effective: 48,
        state: 'released',
        finishedAt: 20 * 60_000,
        releasedBy: 'sup1',
        releaseReason: '家中有事',
      },
      '李伟',
      20,
      'zh-CN',
    );
    expect(e.lines).toEqual([
      '李伟（1002） 已由 sup1 放行（原因：家中有事），留下 20 分钟，完成 48/50',
    ]);
    expect(e.data).toMatchObject({
      event: 'stay-finished',
      state: 'released',
      stayLateMinutes: 20,
      releaseReason: '家中有事',
    });
  });
});
