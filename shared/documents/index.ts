// The document registry and the schemas of stored documents (see registry.ts).
export * from './registry';
export * from './schemas';
export * from './types';
export * from './local';
