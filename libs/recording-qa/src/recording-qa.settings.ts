import { type RecordingQaConfig } from './config/recording-qa-config';

/** The validated configuration, as a DI token. */
export class RecordingQaSettings {
  constructor(readonly config: RecordingQaConfig) {}
}
