import { type EventSink } from './event-sink';
import { type Channel } from './model';

export type CdrDisposition = 'ANSWERED' | 'NO ANSWER' | 'BUSY' | 'FAILED' | 'CONGESTION';

export interface CdrRecord {
  channel: Channel;
  source: string;
  destination: string;
  destinationContext: string;
  callerId: { num: string; name: string };
  destinationChannel: string;
  lastApplication: string;
  lastData: string;
  startUs: number;
  answerUs: number | undefined;
  disposition: CdrDisposition;
}

/** `Cdr` events of cdr_manager; times are the server's local time, here UTC like the captures. */
export class CdrWriter {
  constructor(
    private readonly events: EventSink,
    private readonly enabled: boolean,
  ) {}

  write(r: CdrRecord): void {
    if (!this.enabled) return;
    const endUs = this.events.peekNowUs();
    const seconds = (fromUs: number): string =>
      String(Math.max(0, Math.round((endUs - fromUs) / 1e6)));
    this.events.emit('Cdr', 'cdr', [
      ['AccountCode', ''],
      ['Source', r.source],
      ['Destination', r.destination],
      ['DestinationContext', r.destinationContext],
      [
        'CallerID',
        `"${r.callerId.name === '<unknown>' ? '' : r.callerId.name}" <${r.callerId.num}>`,
      ],
      ['Channel', r.channel.name],
      ['DestinationChannel', r.destinationChannel],
      ['LastApplication', r.lastApplication],
      ['LastData', r.lastData],
      ['StartTime', localTime(r.startUs)],
      ['AnswerTime', r.answerUs === undefined ? '' : localTime(r.answerUs)],
      ['EndTime', localTime(endUs)],
      ['Duration', seconds(r.startUs)],
      ['BillableSeconds', r.answerUs === undefined ? '0' : seconds(r.answerUs)],
      ['Disposition', r.disposition],
      ['AMAFlags', 'DOCUMENTATION'],
      ['UniqueID', r.channel.uniqueid],
      ['UserField', ''],
    ]);
  }
}

function localTime(us: number): string {
  return new Date(Math.floor(us / 1000)).toISOString().slice(0, 19).replace('T', ' ');
}
