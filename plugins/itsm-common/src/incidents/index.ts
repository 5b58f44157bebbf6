export * from './workflow';
export * from './priority';
export * from './types';
