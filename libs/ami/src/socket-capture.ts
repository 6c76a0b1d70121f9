import net from 'node:net';

/**
 * asterisk-manager opens its socket with require('net').createConnection(port, host),
 * synchronously inside connect(), and never exposes it. We need the socket to bound frame
 * size and to destroy half-open links, so wrap createConnection for that call only.
 * (Default import: the real module object, so the library sees the wrapper.)
 */
export function captureCreatedSocket(open: () => void): net.Socket {
  const original = net.createConnection;
  let captured: net.Socket | undefined;
  const capturing = (...args: unknown[]): net.Socket => {
    captured = Reflect.apply(original, net, args) as net.Socket;
    return captured;
  };
  net.createConnection = capturing as typeof net.createConnection;
  try {
    open();
  } finally {
    net.createConnection = original;
  }
  if (!captured) throw new Error('asterisk-manager did not open a socket in connect()');
  return captured;
}
