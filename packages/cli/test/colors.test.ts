// When colours are allowed: a TTY and NO_COLOR unset or empty, unless
// FORCE_COLOR says otherwise (usage.test.ts checks the same through the command).
import { describe, expect, it } from "vitest";
import { createPaint, isColorAllowed } from "../src/colors.js";

describe("colours", () => {
  it.each([
    { name: "tty, NO_COLOR unset", tty: true, env: {}, allowed: true },
    { name: "tty, NO_COLOR empty", tty: true, env: { NO_COLOR: "" }, allowed: true },
    { name: "tty, NO_COLOR=1", tty: true, env: { NO_COLOR: "1" }, allowed: false },
    { name: "pipe", tty: false, env: {}, allowed: false },
    { name: "tty, FORCE_COLOR=0", tty: true, env: { FORCE_COLOR: "0" }, allowed: false },
    { name: "tty, FORCE_COLOR=false", tty: true, env: { FORCE_COLOR: "false" }, allowed: false },
    { name: "pipe, FORCE_COLOR=1", tty: false, env: { FORCE_COLOR: "1" }, allowed: true },
    { name: "pipe, FORCE_COLOR=2", tty: false, env: { FORCE_COLOR: "2" }, allowed: true },
    { name: "pipe, FORCE_COLOR empty", tty: false, env: { FORCE_COLOR: "" }, allowed: true },
    { name: "pipe, FORCE_COLOR=1 and NO_COLOR=1", tty: false, env: { FORCE_COLOR: "1", NO_COLOR: "1" }, allowed: true },
  ])("colours: $name", ({ tty, env, allowed }) => {
    expect(isColorAllowed({ isTTY: tty }, env)).toBe(allowed);
  });

  it("paint: off returns text as is, on wraps it", () => {
    expect(createPaint(false).red("x")).toBe("x");
    expect(createPaint(true).red("x")).toBe("\u001b[31mx\u001b[39m");
  });
});
