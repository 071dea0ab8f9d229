export { defineAggregate, type Aggregate, type AggregateHookContext, type AggregateMessage, type AggregateSpec } from './aggregate';
export { defineContext, type Context, type ContextSpec, type QueriesClass } from './define-context';
export { ReadModel, type View } from './read-model';
export { Commands } from './commands';
