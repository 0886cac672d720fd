// Builds the Excel task pane into dist/: taskpane.html, the bundle, taskpane.css, the icons and
// a copy of manifest.xml. `npm start` serves the same on https://localhost:3000 for sideloading.
//
// - Office.js is NOT bundled: the page loads it from Microsoft's CDN with a <script> tag.
// - The add-in imports only core/ and addin/ (plus the sample configuration in samples/config, its
//   default, and papaparse, zod from node_modules): the production
//   build fails on anything else (the dev server's own client packages are let through), so exceljs, better-sqlite3 or pipeline/ can never slip in. There is
//   no resolve.fallback: a Node module in the bundle is a broken boundary, not something to stub.
// - The build prints the task pane's gzipped size (without office.js) and fails above 250 kB.
// - ADDIN_BASE_URL=https://server/path rewrites the manifest's URLs for a central deployment.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const zlib = require("node:zlib");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_BASE = "https://localhost:3000";
const SIZE_GOAL_BYTES = 250 * 1024;
const ALLOWED_PACKAGES = ["papaparse", "zod"];

/** Fails the build when a module outside core/, addin/ and the allowed packages is bundled. */
class BoundaryPlugin {
  /** @param {boolean} checkPackages false for the dev server, whose client brings its own packages. */
  constructor(checkPackages) {
    this.checkPackages = checkPackages;
  }
  apply(compiler) {
    compiler.hooks.afterCompile.tap("BoundaryPlugin", (compilation) => {
      if (compilation.compiler.isChild()) return; // html-webpack-plugin's template compiler
      const root = compiler.context;
      for (const module of compilation.modules) {
        const resource = module.resource;
        if (!resource) continue;
        const relative = path.relative(root, resource).split(path.sep);
        const pkg = relative[0] === "node_modules" ? (relative[1]?.startsWith("@") ? `${relative[1]}/${relative[2]}` : relative[1]) : undefined;
        if (pkg && !this.checkPackages) continue;
        const ok = pkg
          ? ALLOWED_PACKAGES.includes(pkg)
          : relative[0] === "core" || relative[0] === "addin" || (relative[0] === "samples" && relative[1] === "config");
        if (!ok) {
          compilation.errors.push(new Error(`Aktivitetsfönstret får inte importera ${relative.join("/")}: bara core/, addin/, samples/config/ och ${ALLOWED_PACKAGES.join(", ")}.`));
        }
      }
    });
  }
}

/** Prints the gzipped size of what the task pane downloads (without office.js). */
class GzipSizePlugin {
  constructor(enforce) {
    this.enforce = enforce;
  }
  apply(compiler) {
    compiler.hooks.afterEmit.tap("GzipSizePlugin", (compilation) => {
      let total = 0;
      const lines = [];
      const outputPath = compilation.outputOptions.path;
      for (const name of Object.keys(compilation.assets)) {
        if (!/\.(js|css|html)$/.test(name)) continue;
        const bytes = compiler.outputFileSystem.readFileSync(path.join(outputPath, name));
        const gzipped = zlib.gzipSync(bytes, { level: 9 }).length;
        total += gzipped;
        lines.push(`  ${name}: ${(gzipped / 1024).toFixed(1)} kB gzip`);
      }
      const verdict = total <= SIZE_GOAL_BYTES ? "inom målet" : "ÖVER målet";
      console.log(`Aktivitetsfönstrets storlek utan office.js: ${(total / 1024).toFixed(1)} kB gzip (${verdict} 250 kB)\n${lines.join("\n")}`);
      if (this.enforce && total > SIZE_GOAL_BYTES) {
        compilation.errors.push(new Error(`Aktivitetsfönstret är ${(total / 1024).toFixed(1)} kB gzip; målet är högst 250 kB.`));
      }
    });
  }
}

/** Certificates from `npx office-addin-dev-certs install`, when present; otherwise the dev server makes its own. */
function devServerHttps() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const key = path.join(dir, "localhost.key");
  const cert = path.join(dir, "localhost.crt");
  const ca = path.join(dir, "ca.crt");
  if (fs.existsSync(key) && fs.existsSync(cert)) {
    return { type: "https", options: { key: fs.readFileSync(key), cert: fs.readFileSync(cert), ...(fs.existsSync(ca) ? { ca: fs.readFileSync(ca) } : {}) } };
  }
  return { type: "https" };
}

module.exports = (_env, argv) => {
  const production = argv.mode === "production";
  const base = (process.env.ADDIN_BASE_URL ?? DEV_BASE).replace(/\/+$/, "");
  if (!base.startsWith("https://")) throw new Error(`ADDIN_BASE_URL måste börja med https:// (fick ${base}).`);
  return {
    context: __dirname,
    target: "web",
    entry: { taskpane: "./addin/taskpane/taskpane.ts" },
    output: {
      path: path.join(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    devtool: production ? false : "source-map",
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: "ts-loader",
          options: {
            configFile: path.join(__dirname, "addin", "tsconfig.json"),
            compilerOptions: { noEmit: false, module: "es2020", moduleResolution: "node" },
            onlyCompileBundledFiles: true,
          },
        },
      ],
    },
    performance: { hints: false }, // GzipSizePlugin reports the figure that matters
    plugins: [
      new BoundaryPlugin(production),
      new HtmlWebpackPlugin({ template: "addin/taskpane/taskpane.html", filename: "taskpane.html", chunks: ["taskpane"], scriptLoading: "defer" }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "addin/assets/*.png", to: "assets/[name][ext]" },
          { from: "addin/taskpane/taskpane.css", to: "taskpane.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => content.toString("utf8").split(DEV_BASE).join(base),
          },
        ],
      }),
      new GzipSizePlugin(production),
    ],
    devServer: {
      port: 3000,
      server: devServerHttps(),
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      client: { overlay: { warnings: false } },
    },
  };
};
