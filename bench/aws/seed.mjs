// The seed program of issue 12 as plain JavaScript; BENCH_MESSAGE edits
// the handler (a captured module-level value) for the one-edit run.
import * as aws from "@closure-pack/aws";

const message = process.env.BENCH_MESSAGE ?? "Hello from Lambda";
const docsBucket = new aws.s3.Bucket("docs");

docsBucket.onObjectCreated("docsHandler", (e) => {
  for (const rec of e.Records || []) {
    const [buck, key] = [rec.s3.bucket.name, rec.s3.object.key];
    console.log(`${message} -- got an S3 Object: ${buck}/${key}`);
  }
});

export const docsBucketName = docsBucket.bucketName;
