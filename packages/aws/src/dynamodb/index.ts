// aws.dynamodb
export { Table, type TableArgs, type TableAttribute } from "./table.js";
export type { TableEventSubscription } from "./subscription.js";
export type { TableEvent, TableRecord, TableBatchResponse, TableEventHandler, TableEventSubscriptionArgs } from "./events.js";
