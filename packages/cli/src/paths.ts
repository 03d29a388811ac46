// Paths as messages show them: relative to the working directory, `/`-separated.
// One implementation for every package's messages: the packager's.
export { displayPath } from "@closure-pack/pack";
