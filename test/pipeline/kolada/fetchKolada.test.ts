// The live Kolada client against a server on the loopback address (node:http): it follows the
// pages, stops at a page on another address, and says in Swedish when Kolada fails. Then the
// command line stores what it fetched in the ledger and saves a file that reads the same offline.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fetchKolada, KoladaFetchError, koladaDataUrl } from "../../../pipeline/kolada/fetchKolada";
import { parseKoladaResponse } from "../../../core/sources/koladaValues";
import { bilaga, requireBuild } from "../cliTestKit";

requireBuild();

const entry = (year: number, value: number | null) => ({
  kpi: "N00011",
  municipality: "0580",
  period: year,
  values: [{ gender: "T", count: value === null ? 0 : 1, status: value === null ? "Missing" : "", value }],
});

let server: Server;
let base: string;
const requested: string[] = [];
let failWith: number | undefined;
let foreignNext = false;

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = request.url ?? "";
    requested.push(url);
    if (failWith !== undefined) {
      response.writeHead(failWith, { "content-type": "text/plain" }).end("fel");
      return;
    }
    const page = new URL(url, base).searchParams.get("page") ?? "1";
    const body =
      page === "1"
        ? { count: 2, values: [entry(2017, 4.8), entry(2018, 4.6)], next_page: foreignNext ? "http://example.invalid/v2/x?page=2" : `${new URL(base).origin}${url.split("?")[0]}?page=2` }
        : { count: 2, values: [entry(2019, 4.3), entry(2016, null)] };
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  requested.length = 0;
  failWith = undefined;
  foreignNext = false;
});

describe("fetchKolada", () => {
  it("asks for the KPI, municipality and years, and follows next_page to the end", async () => {
    const fetched = await fetchKolada({ kpi: "N00011", municipalities: ["0580"], years: [2016, 2017, 2018, 2019], baseUrl: base });
    expect(requested).toEqual(["/v2/data/kpi/N00011/municipality/0580/year/2016,2017,2018,2019", "/v2/data/kpi/N00011/municipality/0580/year/2016,2017,2018,2019?page=2"]);
    expect(fetched.values.map((v) => [v.year, v.value])).toEqual([
      [2017, 4.8],
      [2018, 4.6],
      [2019, 4.3],
      [2016, null],
    ]);
  });

  it("refuses a next page on another address", async () => {
    foreignNext = true;
    await expect(fetchKolada({ kpi: "N00011", municipalities: ["0580"], years: [2019], baseUrl: base })).rejects.toThrow(/annan adress/);
    expect(requested).toHaveLength(1);
  });

  it("says in Swedish when Kolada answers with an error", async () => {
    failWith = 503;
    const fetching = fetchKolada({ kpi: "N00011", municipalities: ["0580"], years: [2019], baseUrl: base });
    await expect(fetching).rejects.toBeInstanceOf(KoladaFetchError);
    await expect(fetchKolada({ kpi: "N00011", municipalities: ["0580"], years: [2019], baseUrl: base })).rejects.toThrow(/Kolada svarade 503/);
  });

  it("builds Kolada's address for several municipalities", () => {
    expect(koladaDataUrl({ kpi: "N00011", municipalities: ["0580", "0581"], years: [2018, 2019] })).toBe(
      "https://api.kolada.se/v2/data/kpi/N00011/municipality/0580,0581/year/2018,2019",
    );
  });
});

describe("bilaga kolada --kpi", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "bilaga-kolada-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("fetches, saves a file that reads the same offline, and stores the values (a missing one as missing)", async () => {
    const saved = join(dir, "n00011.json");
    const ledger = join(dir, "liggare.sqlite");
    // The command runs in a child process; the server answers it while the test waits.
    const { spawn } = await import("node:child_process");
    const run = await new Promise<{ status: number | null; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, [join(__dirname, "../../../bin/bilaga.js"), "kolada", "--kpi", "N00011", "--kommun", "0580", "--ar", "2016-2019", "--url", base, "--spara", saved, "--ledger", ledger], {
        env: { ...process.env, NO_COLOR: "1" },
      });
      let stdout = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
      child.on("close", (status) => resolve({ status, stdout }));
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Hämtade 4 värden från Kolada (2 sidor)");
    const offline = parseKoladaResponse(JSON.parse(readFileSync(saved, "utf8")), saved);
    expect(offline.ok && offline.value.values.map((v) => [v.year, v.value]).sort()).toEqual([
      [2016, null],
      [2017, 4.8],
      [2018, 4.6],
      [2019, 4.3],
    ]);
    const shown = bilaga(dir, "ledger", "--ledger", ledger, "--manuella");
    expect(shown.stdout).toContain("N00011 kommun 0580 2016 T: saknas (Missing), inte 0");
    expect(shown.stdout).toContain("N00011 kommun 0580 2019 T: 4,3");
  });

  it("without network, a wrong address fails with a Swedish message and exit code 1", () => {
    const run = bilaga(dir, "kolada", "--kpi", "N00011", "--kommun", "0580", "--ar", "2019", "--url", "http://127.0.0.1:9/v2", "--ledger", join(dir, "l.sqlite"));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Kunde inte nå Kolada .*Använd då en sparad fil med --kolada/);
  });
});
