/**
 * Minimal types for asterisk-manager 0.2.0 (untyped CommonJS). Only what libs/ami uses.
 * This is the single boundary where the library's loosely shaped objects come in.
 */
declare module 'asterisk-manager' {
  /**
   * What the library's reader emits for one frame: keys lower-cased; a string, an array
   * for a repeated key, or an object {name: value} for `variable` / `chanvariable`.
   */
  type RawManagerValue = string | string[] | Record<string, string>;

  namespace Manager {
    type RawManagerObject = Record<string, RawManagerValue>;

    interface ManagerInstance {
      on(
        event: 'managerevent' | 'response' | 'asterisk',
        listener: (raw: RawManagerObject) => void,
      ): void;
      on(event: 'error', listener: (error: Error) => void): void;
      on(event: 'close', listener: () => void): void;
      removeAllListeners(event?: string): void;
      /** Opens the socket synchronously via net.createConnection; callback on 'connect'. */
      connect(port: number, host: string, callback?: () => void): void;
      /** Sends Action: Login with the constructor's username/password. err is the Error frame. */
      login(callback: (err?: RawManagerObject) => void): void;
      disconnect(): void;
    }
  }

  /** Called without a port it does not connect by itself. */
  function Manager(
    port: number | undefined,
    host: string,
    username: string,
    password: string,
    events: boolean,
  ): Manager.ManagerInstance;

  export = Manager;
}
