import { type ValueTransformer } from 'typeorm';

/** pg returns numeric as text (exactness); seconds fit a JS number. */
export const numericSeconds: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
