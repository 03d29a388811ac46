// The runtime benchmark's handler (bench/runtime.mjs): does nothing, so every
// millisecond measured around it is the runtime's. CommonJS (.cjs) so that
// both closure-pack's runtime and lambda-local load it with require().
"use strict";

exports.handler = async (event) => ({ ok: true, n: event?.n ?? 0 });
