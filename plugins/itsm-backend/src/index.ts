export { itsmPlugin as default } from './plugin';
