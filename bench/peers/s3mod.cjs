const { S3Client, PutObjectCommand } = require("@aws-sdk/client-s3");
const s3 = new S3Client({ region: "us-east-1" });
exports.handler = async (event) => { const cmd = new PutObjectCommand({ Bucket: "b", Key: event.key, Body: "x" }); return typeof s3.send + ":" + cmd.input.Key; };
