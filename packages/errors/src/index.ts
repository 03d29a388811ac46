export { ClosurePackError, type ClosurePackErrorData } from "./closure-pack-error.js";
