/** QA rules: sampling, reviewer assignment, scorecards and scoring, calibration, summaries, recording files. */
export * from './calibration';
export * from './canonical-json';
export * from './compare';
export * from './evaluation-lifecycle';
export * from './mask-number';
export * from './prng';
export * from './recording-file';
export * from './reviewer-assignment';
export * from './sampler';
export * from './sampling-types';
export * from './scorecard';
export * from './scoring';
export * from './summaries';
