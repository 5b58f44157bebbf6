import { itsmPlugin } from './plugin';

describe('itsm', () => {
  it('should export plugin', () => {
    expect(itsmPlugin).toBeDefined();
  });
});
