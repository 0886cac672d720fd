// The Office.js adapter: the only folder of the add-in that touches Excel.*.
export * from "./applyPatch";
export * from "./documentSettings";
export * from "./gridFromRange";
export * from "./loaded";
export * from "./readWorkbook";
export * from "./requirements";
export * from "./selectCell";
export * from "./host";
