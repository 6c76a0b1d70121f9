import { PbxRecordingControl } from '../ports/qa-runtime.port';

/** The one AMI call this needs: AmiConnection.action's shape (it rejects on `Response: Error`). */
export type AmiActionFn = (
  name: string,
  params: Readonly<Record<string, string>>,
) => Promise<unknown>;

const CHANNEL = /^[A-Za-z0-9/@._;:+-]{1,200}$/;
const FILE = /^\/[A-Za-z0-9._/-]{1,500}$/;

/**
 * PbxRecordingControl over AMI. Values come from the registry and the call's ids, never from a
 * request; they are still checked here (and AmiConnection refuses CR/LF) so that nothing but a
 * channel name and a plain path can reach MixMonitor. The `Command` parameter (a shell command
 * run after recording) is never sent.
 */
export class AmiRecordingControl extends PbxRecordingControl {
  constructor(private readonly action: AmiActionFn) {
    super();
  }

  async mixMonitor(channel: string, file: string, options: string): Promise<void> {
    if (!CHANNEL.test(channel)) throw new Error('MixMonitor: not a channel name');
    if (!FILE.test(file) || file.split('/').includes('..'))
      throw new Error('MixMonitor: not a plain absolute path');
    if (!/^[a-zA-Z]*$/.test(options)) throw new Error('MixMonitor: options must be letters only');
    await this.action('MixMonitor', {
      Channel: channel,
      File: file,
      ...(options ? { Options: options } : {}),
    });
  }

  async mixMonitorMute(
    channel: string,
    direction: 'read' | 'write' | 'both',
    mute: boolean,
  ): Promise<void> {
    if (!CHANNEL.test(channel)) throw new Error('MixMonitorMute: not a channel name');
    await this.action('MixMonitorMute', {
      Channel: channel,
      Direction: direction,
      State: mute ? '1' : '0',
    });
  }
}
