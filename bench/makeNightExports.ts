/**
 * A year of the samples' exports for the night-run bench: every file of samples/exports
 * (January–August 2019) copied into a folder, and September–December made from a month with the
 * same number of days (June, July, April, August), its month rewritten wherever the file says
 * it: ISO dates and months ("2019-06"), compact ones ("201906", "20190615"), Swedish short
 * dates ("15/6 2019") and month names ("juni 2019"). Dates of other months (an application
 * in May, an employment from 2016) stay as they are. Each file keeps its encoding and BOM.
 *
 * @example makeNightExports("/tmp/natt/exporter") // 96 files: 8 sources × 12 months
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { findPackageRoot } from "../pipeline/ledger/findPackageRoot";
import { windows1252 } from "../samples/make/sampleKit";

/** The made month -> the sample month it comes from (same number of days). */
const FROM: Readonly<Record<number, number>> = { 9: 6, 10: 7, 11: 4, 12: 8 };
const MONTH_NAMES = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];
const pad = (n: number): string => String(n).padStart(2, "0");

type Encoding = "utf-16le" | "utf-8-bom" | "utf-8" | "windows-1252";

function decode(bytes: Buffer): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.subarray(2).toString("utf16le"), encoding: "utf-16le" };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString("utf8"), encoding: "utf-8-bom" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: bytes.toString("latin1"), encoding: "windows-1252" };
  }
}

function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case "utf-16le":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    case "utf-8-bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    case "utf-8":
      return Buffer.from(text, "utf8");
    case "windows-1252":
      return windows1252(text);
  }
}

/** The text with every mention of 2019's month `from` made month `to`. */
export function moveMonth(text: string, from: number, to: number): string {
  const [f, t] = [pad(from), pad(to)];
  return text
    .replace(new RegExp(`(?<!\\d)2019-${f}(?!\\d)`, "g"), `2019-${t}`)
    .replace(new RegExp(`(?<!\\d)2019${f}(?=\\d{2}(?!\\d)|(?!\\d))`, "g"), `2019${t}`)
    .replace(new RegExp(`(?<=(?<!\\d)\\d{1,2}/)${from}(?= 2019)`, "g"), String(to))
    .replace(new RegExp(`(?<![a-zåäö])${MONTH_NAMES[from - 1]} 2019`, "gi"), `${MONTH_NAMES[to - 1]} 2019`);
}

/** Writes the year's exports into `dir`; returns how many files. */
export function makeNightExports(dir: string): number {
  const samples = join(findPackageRoot(), "samples", "exports");
  mkdirSync(dir, { recursive: true });
  const names = readdirSync(samples).filter((name) => /-2019-\d\d\.(csv|txt)$/.test(name));
  for (const name of names) writeFileSync(join(dir, name), readFileSync(join(samples, name)));
  let made = 0;
  for (const [to, from] of Object.entries(FROM).map(([t, f]) => [Number(t), f] as const)) {
    for (const name of names.filter((n) => n.includes(`-2019-${pad(from)}.`))) {
      const { text, encoding } = decode(readFileSync(join(samples, name)));
      writeFileSync(join(dir, name.replace(`-2019-${pad(from)}.`, `-2019-${pad(to)}.`)), encode(moveMonth(text, from, to), encoding));
      made++;
    }
  }
  return names.length + made;
}
