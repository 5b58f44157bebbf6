export * from './types';
export * from './timeline';
export * from './entityRefs';
export * from './guards';
