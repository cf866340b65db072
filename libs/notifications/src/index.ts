export * from './entities/notification.entity.js';
export * from './entities/sms-message.entity.js';
