// The e2e workspace is sample input for Conductor (console.log and eval on purpose), not project code: not linted.
// ESLint 10 looks the config up from each file's folder, so this file shields the folder from the root config.
// (The launcher does not copy it into the temp workspace the suite opens.)
export default [{ ignores: ['**/*'] }];
