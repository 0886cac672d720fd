#!/usr/bin/env node
// Validates the add-in manifest offline: the XML schemas in ../shared/manifest-xsd through
// xmllint (Debian package libxml2-utils), plus what the schemas cannot see: every resid points
// at a resource, every URL is https, every icon file exists with the size it claims.
//
//   node scripts/validate-manifest.js [manifest.xml ...]   (default: manifest.xml)
//
// On a clean CI machine xmllint is missing: the script installs libxml2-utils with apt-get
// (as root, or through sudo) before validating. Set BILAGA_NO_APT=1 to forbid that.
// Environment: MANIFEST_XSD_DIR overrides the schema folder.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.join(__dirname, "..");
const XSD_DIR = process.env.MANIFEST_XSD_DIR ?? path.join(ROOT, "..", "shared", "manifest-xsd");
const XSD = path.join(XSD_DIR, "OfficeAppManifestV1_1.xsd");
const DEV_BASE = "https://localhost:3000";

function has(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

function run(argv) {
  console.log(`$ ${argv.join(" ")}`);
  const result = spawnSync(argv[0], argv.slice(1), { stdio: "inherit" });
  return result.status === 0;
}

function ensureXmllint() {
  if (has("xmllint")) return;
  if (process.env.BILAGA_NO_APT === "1") fail("xmllint saknas (installera paketet libxml2-utils).");
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const prefix = isRoot ? [] : has("sudo") ? ["sudo", "-n"] : undefined;
  if (!prefix || !has("apt-get")) {
    fail("xmllint saknas och kan inte installeras här: installera libxml2-utils (apt-get install libxml2-utils).");
  }
  console.log("xmllint saknas: installerar libxml2-utils ...");
  const env = ["env", "DEBIAN_FRONTEND=noninteractive"];
  if (!run([...prefix, ...env, "apt-get", "update", "-qq"]) ||
      !run([...prefix, ...env, "apt-get", "install", "-y", "-qq", "libxml2-utils"]) ||
      !has("xmllint")) {
    fail("Installationen av libxml2-utils misslyckades.");
  }
}

function fail(message) {
  console.error(`validate:manifest: ${message}`);
  process.exit(1);
}

/** PNG width and height from the IHDR chunk, or undefined when the file is not a PNG. */
function pngSize(file) {
  const bytes = fs.readFileSync(file);
  if (bytes.length < 24 || bytes.toString("ascii", 12, 16) !== "IHDR") return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Checks the schemas cannot make: references, https, icon files. Returns the problems. */
function checkReferences(xml) {
  const problems = [];
  const ids = new Set([...xml.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/g)].map((m) => m[1]));
  for (const [, resid] of xml.matchAll(/resid="([^"]+)"/g)) {
    if (!ids.has(resid)) problems.push(`resid "${resid}" har ingen resurs under <Resources>.`);
  }
  const urls = [...xml.matchAll(/(?:DefaultValue|Override[^>]*Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
  for (const url of urls) {
    if (!url.startsWith("https://")) problems.push(`${url} är inte https.`);
  }
  // Icons served by the dev server are files under addin/assets; check they exist and their size.
  for (const [, id, url] of xml.matchAll(/<bt:Image\s+id="([^"]+)"\s+DefaultValue="([^"]+)"/g)) {
    checkIcon(url, id.replace(/\D/g, ""), problems);
  }
  for (const [, tag, url] of xml.matchAll(/<(IconUrl|HighResolutionIconUrl)\s+DefaultValue="([^"]+)"/g)) {
    checkIcon(url, tag === "IconUrl" ? "32" : "64", problems);
  }
  if (!/<Permissions>ReadWriteDocument<\/Permissions>/.test(xml)) problems.push("Behörigheten ska vara ReadWriteDocument.");
  return problems;
}

function checkIcon(url, expectedSize, problems) {
  if (!url.startsWith(`${DEV_BASE}/`)) return; // a deployed manifest points elsewhere
  const file = path.join(ROOT, "addin", url.slice(DEV_BASE.length + 1));
  if (!fs.existsSync(file)) {
    problems.push(`Ikonen ${url} finns inte (${path.relative(ROOT, file)}).`);
    return;
  }
  const size = pngSize(file);
  if (!size) problems.push(`${path.relative(ROOT, file)} är ingen PNG.`);
  else if (expectedSize && (size.width !== Number(expectedSize) || size.height !== Number(expectedSize))) {
    problems.push(`${path.relative(ROOT, file)} är ${size.width}x${size.height}, väntade ${expectedSize}x${expectedSize}.`);
  }
}

function main() {
  const files = process.argv.slice(2);
  if (files.length === 0) files.push(path.join(ROOT, "manifest.xml"));
  if (!fs.existsSync(XSD)) fail(`Schemat saknas: ${XSD}`);
  ensureXmllint();
  let failed = false;
  for (const file of files) {
    if (!run(["xmllint", "--noout", "--schema", XSD, file])) failed = true;
    const problems = checkReferences(fs.readFileSync(file, "utf8"));
    for (const problem of problems) console.error(`${file}: ${problem}`);
    if (problems.length > 0) failed = true;
  }
  if (failed) fail("manifestet är inte giltigt.");
  console.log(`validate:manifest: ${files.length} manifest giltigt mot ${path.relative(ROOT, XSD)}.`);
}

main();
