// The pack benchmark's handler (bench/pack.mjs): an order-batch Lambda that
// a user would write for esbuild or AWS CDK's NodejsFunction, packaged three
// ways from this one file. It imports lodash (per-method, as its docs advise
// for bundles), date-fns and uuid, and @aws-sdk/client-s3, which stays
// external (the Lambda runtime provides it). Module-level state is computed
// when the module loads; the handler builds an S3 command but never sends
// it, so the benchmark needs no network.
import groupBy from "lodash/groupBy.js";
import orderBy from "lodash/orderBy.js";
import sumBy from "lodash/sumBy.js";
import { addBusinessDays, eachDayOfInterval, format, isWeekend, parseISO } from "date-fns";
import { v4 as uuidv4, v5 as uuidv5 } from "uuid";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

// Computed once at load time.
const REGION = process.env.AWS_REGION ?? "eu-west-1";
const BUCKET = process.env.REPORT_BUCKET ?? "orders-reports";
const ORDER_NAMESPACE = uuidv5("orders.example.com", uuidv5.DNS);
const TAX_RATES = new Map(
  [
    ["DE", 19],
    ["FR", 20],
    ["IE", 23],
    ["NL", 21],
    ["SE", 25],
    ["US", 0],
  ].map(([country, percent]) => [country, percent / 100]),
);
// Warehouse closing days: every weekend day of the first quarter.
const CLOSED_DAYS = new Set(
  eachDayOfInterval({ start: parseISO("2025-01-01"), end: parseISO("2025-03-31") })
    .filter((day) => isWeekend(day))
    .map((day) => format(day, "yyyy-MM-dd")),
);
let invocations = 0;
let s3; // created on first use, reused by warm invocations

function shipDate(ordered) {
  let day = addBusinessDays(parseISO(ordered), 2);
  while (CLOSED_DAYS.has(format(day, "yyyy-MM-dd"))) day = addBusinessDays(day, 1);
  return format(day, "yyyy-MM-dd");
}

export const handler = async (event) => {
  invocations += 1;
  s3 ??= new S3Client({ region: REGION });
  const orders = (event.Records ?? []).map((record) => {
    const order = JSON.parse(record.body);
    const rate = TAX_RATES.get(order.country) ?? 0;
    const net = sumBy(order.lines, (line) => line.quantity * line.unitPrice);
    return {
      id: uuidv5(order.orderId, ORDER_NAMESPACE),
      customer: order.customer,
      net,
      tax: Math.round(net * rate * 100) / 100,
      ships: shipDate(order.orderedAt),
    };
  });
  const byCustomer = groupBy(orders, (order) => order.customer);
  const customers = orderBy(
    Object.entries(byCustomer).map(([customer, list]) => ({
      customer,
      orders: list.length,
      total: Math.round(sumBy(list, (order) => order.net + order.tax) * 100) / 100,
    })),
    ["total", "customer"],
    ["desc", "asc"],
  );
  const day = event.Records?.[0] ? format(parseISO(JSON.parse(event.Records[0].body).orderedAt), "yyyy/MM/dd") : "empty";
  const report = { orders, customers };
  const command = new PutObjectCommand({
    Bucket: BUCKET,
    Key: `reports/${day}/${uuidv5(orders.map((order) => order.id).join(","), ORDER_NAMESPACE)}.json`,
    Body: JSON.stringify(report),
    ContentType: "application/json",
  });
  // Not sent: the benchmark measures packaging and loading, not S3.
  return {
    requestId: uuidv4(),
    invocations,
    region: await s3.config.region(),
    key: command.input.Key,
    bytes: command.input.Body.length,
    customers,
  };
};
