// The kubernetes-models packages publish only an "import" export condition; Jest resolves for
// CommonJS, so add that condition for them alone (their ESM is transpiled like any dependency).
const ESM_ONLY = /^(@kubernetes-models\/|kubernetes-models(\/|$))/;

module.exports = (request, options) =>
  options.defaultResolver(
    request,
    ESM_ONLY.test(request)
      ? { ...options, conditions: [...(options.conditions ?? []), 'import'] }
      : options,
  );
