export {
  type AmiFrame,
  type AmiHeader,
  headerValue,
  parseHeaders,
  splitFrames,
  withActionId,
} from './ami-frames';
export {
  type Capture,
  type CaptureConnection,
  type CaptureRecord,
  type RecordedAnswer,
  loadCapture,
  parseCapture,
} from './capture-file';
export {
  CaptureReplayServer,
  type CaptureReplayOptions,
  type ReplayCounters,
  type ReplayPosition,
} from './capture-replay-server';
export { type Chunker, byteByByte, cutAt, mulberry32, randomCuts } from './chunkers';
export { RawAmiClient, type ReceivedMessage, isEvent } from './raw-ami-client';
export { type CaptureLine, amiText, captureJsonl } from './capture-builder';
export * from './capture-replay';
export * from './fixtures';
export { spawnTypeScriptMain } from './typescript-child';
export { CHROMIUM, type ChromiumOptions, launchChromium } from './browser';
export { until } from './until';
