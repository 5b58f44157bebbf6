module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    // The bench drives the plugin's own internals (its migrations, SLA clock, monitor
    // and rollups) from outside, on purpose: it is a development tool of this repo,
    // never published, and must measure exactly the code the backend runs.
    '@backstage/no-forbidden-package-imports': 'off',
  },
});
