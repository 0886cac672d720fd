#!/usr/bin/env node
// The bilaga command: runs the bundled command line (build/cli/, made by `npm install` via prepare).
require("../build/cli/bilaga.js").main(process.argv);
