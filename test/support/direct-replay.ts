import { readFileSync } from 'node:fs';
import { type AmiMessage, toTelephonyEvent } from '@cti/ami';
import { CallCenterCore, type CallCenterConfig, type CoreOutput } from '@cti/domain';

/**
 * Feeds a capture's live events straight into the core, without TCP: a fast check of the
 * core's derivations. The real path (replay server → asterisk-manager → adapter) is tested apart.
 */
export function replayDirect(capturePath: string, config: CallCenterConfig): { core: CallCenterCore; outputs: CoreOutput[]; lastAt: number } {
  const outputs: CoreOutput[] = [];
  const core = new CallCenterCore(config, (o) => outputs.push(o));
  const lines = readFileSync(capturePath, 'utf8').split('\n').filter(Boolean);
  let buffer = '';
  let lastAt = 0;
  for (const line of lines) {
    const record = JSON.parse(line) as { dir: string; data: string; t: number };
    if (record.dir !== 'in') continue;
    buffer += record.data;
    let end: number;
    while ((end = buffer.indexOf('\r\n\r\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 4);
      const fields: Record<string, string> = {};
      for (const l of frame.split('\r\n')) {
        const i = l.indexOf(': ');
        if (i > 0) fields[l.slice(0, i).toLowerCase()] ??= l.slice(i + 2);
        else if (l.endsWith(':')) fields[l.slice(0, -1).toLowerCase()] ??= '';
      }
      if (!fields.event || (fields.actionid && fields.event !== 'OriginateResponse')) continue;
      const msg: AmiMessage = { name: fields.event, fields, repeated: {}, receivedAt: lastAt };
      const event = toTelephonyEvent(msg);
      if (!event) continue;
      lastAt = event.at;
      core.apply(event);
    }
  }
  core.advanceTo(lastAt + 10_000);
  return { core, outputs, lastAt };
}
