const { registerHooks } = require('node:module');

// The @kubernetes-models packages export only an "import" condition; require() them as the
// ES modules they are (Node 22 loads synchronous ESM through require).
const ESM_ONLY = /^(@kubernetes-models\/|kubernetes-models(\/|$))/;

registerHooks({
  resolve(specifier, context, nextResolve) {
    return ESM_ONLY.test(specifier)
      ? nextResolve(specifier, {
          ...context,
          conditions: [...context.conditions, 'import'],
        })
      : nextResolve(specifier, context);
  },
});
