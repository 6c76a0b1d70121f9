import { type AmiMessage, toTelephonyEvent } from '@cti/ami';
import { CallCenterCore, type CallCenterConfig, type TelephonyEvent } from '@cti/domain';
import { parseCapture } from '@cti/testing';

/** The core alone, fed already-mapped events: how much headroom the pure derivation leaves. */
export function benchCore(
  jsonl: string,
  config: CallCenterConfig,
): { events: number; seconds: number; perSecond: number } {
  const capture = parseCapture(jsonl, 'bench');
  const events: TelephonyEvent[] = [];
  for (const frame of capture.connections[0]?.live ?? []) {
    const fields: Record<string, string> = {};
    for (const [k, v] of frame.headers) fields[k.toLowerCase()] ??= v;
    const msg: AmiMessage = { name: fields.event ?? '', fields, repeated: {}, receivedAt: 0 };
    const e = toTelephonyEvent(msg);
    if (e) events.push(e);
  }
  const core = new CallCenterCore(config);
  const start = process.hrtime.bigint();
  for (const e of events) core.apply(e);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { events: events.length, seconds, perSecond: events.length / seconds };
}
