module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  testRules: {
    // Helpers named expect… (expectRefused, expectAnswer) are assertions too.
    'jest/expect-expect': [
      'warn',
      { assertFunctionNames: ['expect', 'expect*'] },
    ],
  },
});
