// @ts-check
// Ends the instance when the process that started it is gone. The parent
// hands the child one end of a pipe as fd 3 and never writes to it; when the
// parent dies (even by kill -9) the kernel closes its end and this side
// reads end-of-file. Unreferenced: it never keeps the event loop alive, so a
// callback handler's empty-event-loop wait is unchanged.
import { Socket } from "node:net";

export function exitWithParent() {
  let pipe;
  try {
    pipe = new Socket({ fd: 3, readable: true, writable: false });
  } catch {
    // Started by something else than the runtime (no fd 3): nothing to watch.
    return;
  }
  const exit = () => process.exit(1);
  pipe.on("end", exit);
  pipe.on("close", exit);
  pipe.on("error", exit);
  pipe.resume();
  pipe.unref();
}
