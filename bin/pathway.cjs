#!/usr/bin/env node
// The command line's entry point; the code is bundled into dist/cli by `npm install` (prepare).
// Node keeps the compiled bundle between runs (its compile cache: code only, never data, in the
// user's own cache folder), so a run starts without compiling two megabytes of code again.
require('./compile-cache.cjs').enableCompileCache();
require('../dist/cli/pathway.cjs').run();
