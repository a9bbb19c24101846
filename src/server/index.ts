// Public API of src/server (Node only): the HTTP server and its handlers as plain functions.
export { startServer, pageCsp, isLoopback, exposureWarning, type ServerOptions, type RunningServer } from './server.ts';
export { handleApi, errorResponse, errorToResponse, type ApiRequest, type ApiResponse, type ErrorResponseOptions, type Executor, type HandleApiOptions } from './api.ts';
export { runOperation, operationNames, type OperationName } from './operations.ts';
export { HttpError } from './request.ts';
export { resolveStatic, defaultStaticDir, type StaticResult } from './static.ts';
export { WorkerPool, type WorkerPoolOptions } from './pool.ts';
export { openApiDocument } from './openapi.ts';
