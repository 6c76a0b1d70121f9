import { type InjectionToken, type Provider } from '@nestjs/common';

/** How the app binds one of the module's ports: a value, another provider, or a factory. */
export type PortBinding<T> =
  | { readonly useValue: T }
  | { readonly useExisting: InjectionToken }
  | {
      readonly useFactory: (...deps: never[]) => T | Promise<T>;
      readonly inject?: InjectionToken[];
    };

export function bindPort<T>(token: InjectionToken, binding: PortBinding<T>): Provider {
  if ('useValue' in binding) return { provide: token, useValue: binding.useValue };
  if ('useExisting' in binding) return { provide: token, useExisting: binding.useExisting };
  return {
    provide: token,
    useFactory: binding.useFactory as (...deps: unknown[]) => T,
    inject: binding.inject ?? [],
  };
}
