/**
 * Setting a status by hand, with its reason, in the bindings JSON the workbook carries: the
 * entry for the indicator (and breakdown) gets `status.manual`, or a new entry is added for an
 * indicator that has none. The core then reports it (status/manual) and writes it like any
 * other status. Works on the raw JSON so nothing else in the configuration changes.
 *
 * @example setManualStatus({ bindings: [] }, { indicator: "Andel positiva svar i brukarenkät",
 *   manual: { status: "partly-met", reason: "Enkäten visar skillnader" } })
 *   // { ok: true, json: { bindings: [{ indicator: "Andel positiva svar i brukarenkät",
 *   //   status: { manual: { status: "partly-met", reason: "Enkäten visar skillnader" } } }] } }
 */
import { bindingRowKey } from "../../core/outcomes/bindings";
import type { Status } from "../../core/status/status";

export interface ManualStatusRequest {
  readonly indicator: string;
  readonly breakdown?: string;
  /** Undefined removes a status set by hand. */
  readonly manual?: { readonly status: Status; readonly reason: string };
}

export type ManualStatusResult = { readonly ok: true; readonly json: unknown } | { readonly ok: false; readonly message: string };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

export function setManualStatus(bindingsJson: unknown, request: ManualStatusRequest): ManualStatusResult {
  if (request.manual && request.manual.reason.trim() === "") {
    return { ok: false, message: "Skriv varför statusen sätts för hand; skälet visas i anteckningen och i körrapporten." };
  }
  const root: Json = isObject(bindingsJson) ? { ...bindingsJson } : {};
  const entries = Array.isArray(root["bindings"]) ? [...(root["bindings"] as unknown[])] : [];
  const wanted = bindingRowKey(request);
  const index = entries.findIndex(
    (entry) =>
      isObject(entry) &&
      typeof entry["indicator"] === "string" &&
      bindingRowKey({ indicator: entry["indicator"], breakdown: typeof entry["breakdown"] === "string" ? entry["breakdown"] : undefined }) === wanted,
  );
  const manual = request.manual && { status: request.manual.status, reason: request.manual.reason.trim() };
  if (index >= 0) {
    const entry = { ...(entries[index] as Json) };
    const status: Json = isObject(entry["status"]) ? { ...entry["status"] } : {};
    if (manual) status["manual"] = manual;
    else delete status["manual"];
    entry["status"] = status;
    const onlyNames = Object.keys(entry).every((key) => key === "indicator" || key === "breakdown" || key === "status");
    if (onlyNames && Object.keys(status).length === 0) entries.splice(index, 1); // nothing left to say
    else entries[index] = entry;
  } else if (manual) {
    entries.push({ indicator: request.indicator, ...(request.breakdown === undefined ? {} : { breakdown: request.breakdown }), status: { manual } });
  }
  root["bindings"] = entries;
  return { ok: true, json: root };
}
