/**
 * Channel names → device keys. `PJSIP/1001-0000002a` → `PJSIP/1001`;
 * `Local/1001@agents-00000001;2` → `Local/1001@agents`. Endpoint names may contain '-',
 * so only the final hex suffix is removed.
 */
const LOCAL_HALF = /;([12])$/;
const CHANNEL_SUFFIX = /-[0-9a-f]+$/i;

export function deviceKeyOf(channel: string): string {
  return channel.replace(LOCAL_HALF, '').replace(CHANNEL_SUFFIX, '');
}

export function isLocalChannel(channel: string): boolean {
  return channel.startsWith('Local/');
}

/** A queue member interface ('Local/1001@agents/n', 'PJSIP/1001') as a device key. */
export function deviceKeyOfInterface(iface: string): string {
  return iface.startsWith('Local/') ? iface.replace(/\/[a-z]+$/, '') : iface;
}
