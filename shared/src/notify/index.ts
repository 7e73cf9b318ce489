export * from './template-fields';
export * from './grant-bank';
export * from './channels';
export * from './digest';
export * from './wecom-notice';
export * from './referral-update';
export * from './visit-reminder-window';
