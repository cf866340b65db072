// Every migration in order. `npm run migration:generate -- <Name>` writes a new file; add it here.
import { InitAccounts1795641880076 } from './1795641880076-InitAccounts.js';
import { AddLabourRegistry1795643334624 } from './1795643334624-AddLabourRegistry.js';

export const MIGRATIONS = [InitAccounts1795641880076, AddLabourRegistry1795643334624];
