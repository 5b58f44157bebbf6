export * from './calendar';
export * from './policy';
export * from './timers';
