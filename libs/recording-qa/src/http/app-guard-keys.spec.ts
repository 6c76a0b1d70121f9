import { PUBLIC_KEY, ROLES_KEY } from '@cti/http-api';
import { APP_PUBLIC_KEY, APP_ROLES_KEY } from './qa-auth.guard';

describe('QA routes and the app-wide access guard', () => {
  it('set the same metadata keys as @cti/http-api, so its deny-by-default guard lets them through', () => {
    expect([APP_ROLES_KEY, APP_PUBLIC_KEY]).toEqual([ROLES_KEY, PUBLIC_KEY]);
  });
});
