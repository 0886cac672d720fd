/**
 * Namespace URIs, relationship types and content types of the xlsx package (ECMA-376,
 * transitional), in one place.
 */
export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  strictMain: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  packageRels: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
  extendedProperties: "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
  docPropsVTypes: "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
} as const;

const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const REL_TYPE = {
  officeDocument: `${R}/officeDocument`,
  worksheet: `${R}/worksheet`,
  chartsheet: `${R}/chartsheet`,
  dialogsheet: `${R}/dialogsheet`,
  macrosheet: "http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet",
  sharedStrings: `${R}/sharedStrings`,
  styles: `${R}/styles`,
  comments: `${R}/comments`,
  vmlDrawing: `${R}/vmlDrawing`,
  calcChain: `${R}/calcChain`,
  extendedProperties: `${R}/extended-properties`,
  threadedComment: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
} as const;

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vmlDrawing: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
} as const;
