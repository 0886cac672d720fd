/**
 * The configuration used when the workbook carries none in its settings: the sample
 * configuration shipped beside the samples (Arbetsmarknadsnämnden 2019). A controller's own
 * profiles and bindings, stored in the workbook, take precedence (see workbookConfiguration.ts).
 */
import bindings from "../../samples/config/bindings.json";
import brukarenkat from "../../samples/config/profiles/brukarenkat.json";
import deltagare from "../../samples/config/profiles/deltagare.json";
import ekonomi from "../../samples/config/profiles/ekonomi.json";
import fakturor from "../../samples/config/profiles/fakturor.json";
import forsorjningsstod from "../../samples/config/profiles/forsorjningsstod.json";
import personal from "../../samples/config/profiles/personal.json";
import sjukfranvaro from "../../samples/config/profiles/sjukfranvaro.json";
import vantetider from "../../samples/config/profiles/vantetider.json";
import vantetiderAnsokan from "../../samples/config/profiles/vantetider-ansokan.json";

export const DEFAULT_PROFILES: readonly { file: string; json: unknown }[] = [
  { file: "forsorjningsstod.json", json: forsorjningsstod },
  { file: "sjukfranvaro.json", json: sjukfranvaro },
  { file: "vantetider.json", json: vantetider },
  { file: "deltagare.json", json: deltagare },
  { file: "personal.json", json: personal },
  { file: "ekonomi.json", json: ekonomi },
  { file: "fakturor.json", json: fakturor },
  { file: "brukarenkat.json", json: brukarenkat },
  // Rows by case number: the pane recognises the export and refuses it with the reason
  // (delivery/not-in-addin), pointing to bilaga import, rather than calling it unknown.
  { file: "vantetider-ansokan.json", json: vantetiderAnsokan },
];

export const DEFAULT_BINDINGS: { file: string; json: unknown } = { file: "bindings.json", json: bindings };
