export { asyncApiDocument, type AsyncApiDocument } from './asyncapi';
