// Bundles the simulated Office/Excel host (test/addin/e2e/host/simulatedOffice.ts) into one
// browser script that the end-to-end test serves in place of office.js. Test code only: it is
// never part of dist/ or the product's webpack.config.js.
"use strict";
const path = require("node:path");

const ROOT = path.join(__dirname, "..", "..", "..");

/** @param {string} outputPath folder for simulated-office.js */
module.exports = (outputPath) => ({
  mode: "development",
  context: ROOT,
  target: "web",
  devtool: false,
  entry: { "simulated-office": "./test/addin/e2e/host/simulatedOffice.ts" },
  output: { path: outputPath, filename: "[name].js", iife: true },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: "ts-loader",
        options: {
          configFile: path.join(ROOT, "tsconfig.json"),
          transpileOnly: true,
          compilerOptions: { noEmit: false, module: "es2020", moduleResolution: "node" },
        },
      },
    ],
  },
  performance: { hints: false },
});
