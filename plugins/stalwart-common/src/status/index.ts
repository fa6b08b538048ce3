export type * from './types';
export type * from './lifecycle';
export { CERTIFICATE_THRESHOLDS } from './certificateThresholds';
export { statusSignalChannel } from './signals';
