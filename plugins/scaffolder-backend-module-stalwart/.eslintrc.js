module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    // itRunsEveryExample declares one test per action example; its callback is a test body.
    'jest/no-standalone-expect': [
      'error',
      { additionalTestBlockFunctions: ['itRunsEveryExample'] },
    ],
  },
});
