// The services the daemon speaks, one factory each; a new service is one row.
// Order does not matter: cross-service calls go through CloudContext.services,
// filled before any service starts.
import { createApiGatewayService } from "./apigateway/apigateway-service.js";
import { createDynamoDbService } from "./dynamodb/dynamodb-service.js";
import { createEventsService } from "./events/events-service.js";
import { createIamService } from "./iam/iam-service.js";
import { createKinesisService } from "./kinesis/kinesis-service.js";
import { createLambdaService } from "./lambda/lambda-service.js";
import { createLogsService } from "./logs/logs-service.js";
import { createS3Service } from "./s3/s3-service.js";
import { createSnsService } from "./sns/sns-service.js";
import { createSqsService } from "./sqs/sqs-service.js";
import type { CloudContext, Service } from "./service.js";
import { createStsService } from "./sts/sts-service.js";

export type ServiceFactory = (context: CloudContext) => Service;

export const SERVICE_FACTORIES: readonly ServiceFactory[] = [
  createIamService,
  createStsService,
  createLambdaService,
  createLogsService,
  createS3Service,
  createApiGatewayService,
  createSqsService,
  createDynamoDbService,
  createKinesisService,
  createSnsService,
  createEventsService,
];
