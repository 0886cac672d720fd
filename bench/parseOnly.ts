/**
 * The baseline: papaparse alone streaming the same file (decoded by Node's stream decoder),
 * counting rows and doing nothing else. Run as a child process by the bench.
 */
import { createReadStream } from "node:fs";
import Papa from "papaparse";

const [file, encoding] = process.argv.slice(2);
if (!file) throw new Error("usage: parseOnly FILE [utf16le|utf8]");
const stream = createReadStream(file, { highWaterMark: 1024 * 1024 });
stream.setEncoding(encoding === "utf8" ? "utf8" : "utf16le");
let rows = 0;
Papa.parse<string[]>(stream as unknown as File, {
  delimiter: "\t",
  newline: "\r\n",
  chunk: (results) => {
    rows += results.data.length;
  },
  complete: () => {
    process.stdout.write(`${rows}\n`);
  },
});
