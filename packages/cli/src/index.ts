// Public API of the closure-pack command: main() runs it and resolves to the
// exit code. Importing this module does nothing.
export { main } from "./main.js";
export type { Io } from "./io.js";
