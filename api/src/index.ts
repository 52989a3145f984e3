export { API_MIGRATIONS, migrateApi } from './audit/apiSchema.js';
export { type ApiConfig, type ApiLimits, DEFAULT_LIMITS, loadApiConfig } from './config.js';
export { customTypeDefs } from './custom/customTypeDefs.js';
export { readModel } from './entities/model/readModel.js';
export { type ApiInstance, type CreateApiOptions, createApi } from './server/createApi.js';
export { type ApiServices, createServices } from './server/services.js';
export { type RunningApi, startApiServer } from './server/startApiServer.js';
