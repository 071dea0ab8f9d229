export { BullMqScheduler, type BullMqSchedulerOptions } from './bullmq-scheduler';
