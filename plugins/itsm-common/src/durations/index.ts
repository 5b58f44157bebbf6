export * from './isoDuration';
