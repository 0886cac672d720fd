// Bundles the `bilaga` command line into build/cli/ (bin/bilaga.js runs build/cli/bilaga.js):
// the pipeline and core with zod, each command in its own chunk, loaded when that command
// runs, and the measuring worker thread (build/cli/measureWorker.js).
//
// Why a bundle, where tsc's build/ would run as well: the command starts about 40 ms sooner
// (measured on `bilaga import` of the bench's case list, one core, December 2026). zod's CommonJS build loads
// every locale it has on `require("zod")`; bundled from its ES modules, only what the profiles'
// and bindings' schemas use is kept, and the command's own modules are read as one file each.
//
// Every other package stays in node_modules and is required at run time: better-sqlite3 is
// native, playwright-core and the rest are large or need no bundling. Types are
// checked by `tsc -p tsconfig.build.json`, which runs first (npm run build:cli).
"use strict";
const path = require("node:path");

/** Packages bundled into the command; all others are required from node_modules. */
const BUNDLED_PACKAGES = ["zod"];

module.exports = {
  mode: "production",
  context: __dirname,
  target: "node20",
  entry: {
    bilaga: "./pipeline/cli/main.ts",
    measureWorker: "./pipeline/ledger/measureWorker.ts",
  },
  output: {
    path: path.join(__dirname, "build", "cli"),
    filename: "[name].js",
    chunkFilename: "[name].js",
    library: { type: "commonjs2" },
    clean: true,
  },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: "ts-loader",
        options: {
          configFile: path.join(__dirname, "tsconfig.build.json"),
          transpileOnly: true,
          // ES modules, so that webpack takes zod's ES build and leaves out what is not used.
          compilerOptions: { module: "es2020", moduleResolution: "node", sourceMap: false },
        },
      },
    ],
  },
  externals: [
    ({ request }, callback) => {
      const bare = request !== undefined && !request.startsWith(".") && !path.isAbsolute(request) && !request.startsWith("node:");
      const pkg = bare ? request.split("/").slice(0, request.startsWith("@") ? 2 : 1).join("/") : undefined;
      if (pkg !== undefined && !BUNDLED_PACKAGES.includes(pkg)) return callback(null, `commonjs ${request}`);
      return callback();
    },
  ],
  externalsPresets: { node: true },
  // __dirname is the bundle's own folder (build/cli), as findPackageRoot and measureFile expect.
  node: { __dirname: false, __filename: false },
  optimization: { minimize: false, chunkIds: "deterministic", moduleIds: "named" },
  performance: { hints: false },
  stats: "errors-warnings",
};
