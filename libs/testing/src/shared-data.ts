import { resolve } from 'node:path';

/**
 * The team's shared data (real AMI captures, recordings): `CTI_SHARED_DIR`, else the `shared/`
 * folder beside the repository, as on every developer machine and in CI.
 */
export function sharedPath(...parts: string[]): string {
  const root = process.env.CTI_SHARED_DIR ?? resolve(__dirname, '../../../../shared');
  return resolve(root, ...parts);
}
