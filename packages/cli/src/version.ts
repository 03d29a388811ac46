// The CLI's version. A constant rather than a read of package.json, so the
// same source works as CommonJS, ESM and from src/; a test keeps it equal to
// package.json's "version".

export const VERSION = "0.1.0";
