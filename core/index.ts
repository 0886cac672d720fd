// Re-exports the core's public surface.
export * from "./address";
export * from "./grid";
export * from "./issues";
export * from "./messages.sv";
export * from "./model";
export * from "./patch";
export * from "./records";
export * from "./result";
