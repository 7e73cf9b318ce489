import { importsContract } from '@clinic/shared';
import { defineFunction } from '../../platform/define-function';
import { IMPORTERS } from '../../platform/staff-roles';
import { dryRun } from './dry-run';
import { continueStalledImports, importStatus, resumeImport, startImport } from './job';
import { prepare } from './prepare';

export const main = defineFunction(
  importsContract,
  {
    prepare: (_input, { caller, db, openid }) => prepare(caller, db, openid),
    dryRun: (input, { caller, db, now, openid }) => dryRun(input, caller, db, now, openid),
    start: (input, { caller, db, now, openid }) => startImport(input, caller, db, now, openid),
    resume: (input, { caller, db, now }) => resumeImport(db, caller, input.jobId, now),
    status: (input, { caller, db }) => importStatus(db, caller, input.jobId),
  },
  {
    access: {
      prepare: IMPORTERS,
      dryRun: IMPORTERS,
      start: IMPORTERS,
      resume: IMPORTERS,
      status: IMPORTERS,
    },
    timers: { continueImports: ({ db, now }) => continueStalledImports(db, now) },
  },
);
