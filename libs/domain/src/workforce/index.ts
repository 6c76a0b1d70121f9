/** The quota day's pure rules: schedules, quota ledger, must-stay, stay-late, attendance, reports. */
export * from './attendance';
export * from './calendar';
export * from './attendance-month';
export * from './follow-up';
export * from './monthly';
export * from './quota-ledger';
export * from './rule-set';
export * from './schedule';
export * from './stay-late';
export * from './zoned-time';
