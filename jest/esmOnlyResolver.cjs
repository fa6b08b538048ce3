// The @kubernetes-models packages publish only an "import" export condition. The renderers load
// them with a dynamic import(), which Jest's CommonJS transform turns into require(); add that
// condition for these packages alone so the require resolves (their ESM is transpiled like any
// dependency). Referenced as "jest.resolver" by every package whose tests execute a render.
const ESM_ONLY = /^(@kubernetes-models\/|kubernetes-models(\/|$))/;

module.exports = (request, options) =>
  options.defaultResolver(
    request,
    ESM_ONLY.test(request)
      ? { ...options, conditions: [...(options.conditions ?? []), 'import'] }
      : options,
  );
