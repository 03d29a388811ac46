// Child process for the read-only folder test: writes argv[3] to argv[2]
// with writeFileAtomic and prints the outcome as JSON. The test runs it as a
// user whom the folder's permission bits stop (root is not one).
import { writeFileAtomic } from "@closure-pack/pack";

try {
  await writeFileAtomic(process.argv[2], process.argv[3]);
  console.log(JSON.stringify({ ok: true }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, code: error.code, message: error.message }));
}
