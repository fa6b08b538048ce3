module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      // The tests of this isomorphic package run in Node and read the real charts beside the
      // checkout through the repository's Node test harness; the package itself never does.
      files: ['**/*.test.ts'],
      rules: { '@backstage/no-mixed-plugin-imports': 'off' },
    },
  ],
});
