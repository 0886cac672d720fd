// Jest: TypeScript through ts-jest (type checking is done once by `npm run typecheck`,
// so the transform only transpiles). TZ and locale are pinned in test/setup.ts.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  setupFiles: ["<rootDir>/test/setup.ts"],
  transform: {
    "^.+\\.[tj]sx?$": ["ts-jest", { tsconfig: { allowJs: true, esModuleInterop: true, isolatedModules: true } }],
  },
  // office-addin-mock 4 pulls the ESM-only strip-bom and uuid: let ts-jest transform them.
  transformIgnorePatterns: ["/node_modules/(?!(.*/)?(strip-bom|uuid)/)"],
  testTimeout: 60000,
};
