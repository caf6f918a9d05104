/** What a module needs to take part in erasing a user or a conversation. */
export * from './erase-counts.js';
export * from './erase-sql.js';
export * from './rescope-step.js';
export * from './user-eraser.js';
