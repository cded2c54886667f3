#!/usr/bin/env node
// The command line's entry point; the code is bundled into dist/cli by `npm install` (prepare).
require('../dist/cli/pathway.cjs').run();
