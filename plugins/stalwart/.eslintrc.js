module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      // The test fixtures build status documents with the backend's own status rules, so the
      // views are tested on what the backend really answers; the plugin itself never imports them.
      files: ['src/__testUtils__/**'],
      rules: { '@backstage/no-mixed-plugin-imports': 'off' },
    },
  ],
});
