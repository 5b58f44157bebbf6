export * from './workflow';
export * from './types';
