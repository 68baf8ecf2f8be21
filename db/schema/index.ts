export * from './users';
export * from './sections';
export * from './tags';
export * from './articles';
export * from './media';
export * from './settings';
export * from './sessions';
export * from './search';
