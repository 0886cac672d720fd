#!/usr/bin/env node
// The bilaga command: runs the compiled command line (build/, made by `npm install` via prepare).
require("../build/pipeline/cli/main.js").main(process.argv);
