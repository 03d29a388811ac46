// What a call throws, for tests that compare whole messages; fails the test when nothing is thrown.
export function thrown(call: () => unknown): Error & { code?: string; key?: string } {
  try {
    call();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error, none was thrown");
}
