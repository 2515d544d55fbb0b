// Loads a CommonJS bundle of dist/ with V8's code cache (`<bundle>.cache`, written by the build):
// compiling the 1.6 MB bundle is a third of the CLI's start-up, paid again in each scan worker. A
// missing or stale cache (another Node version, other V8 flags) is ignored: V8 then compiles the
// source as `require` would.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { createRequire, wrap } = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');
const { isMainThread } = require('node:worker_threads');

/** Set by the build (scripts/code-cache.mjs): write the cache once the bundle has run. */
const WRITE = process.env.KEYHOLE_WRITE_CODE_CACHE === '1';

module.exports = function loadBundle(file) {
  const source = readFileSync(file, 'utf8');
  const cacheFile = `${file}.cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(wrap(source), {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  if (WRITE) {
    // A worker is terminated, not left to exit: its cache holds what its start-up compiled. The
    // main thread's is written again at exit, with what the whole run compiled.
    const write = () => writeFileSync(cacheFile, script.createCachedData());
    write();
    if (isMainThread) process.once('exit', write);
  }
  return module.exports;
};
