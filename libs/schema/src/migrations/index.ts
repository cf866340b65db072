// Every migration in order. `npm run migration:generate -- <Name>` writes a new file; add it here.
import { InitAccounts1795641880076 } from './1795641880076-InitAccounts.js';
import { AddLabourRegistry1795643334624 } from './1795643334624-AddLabourRegistry.js';
import { AddWorkerImports1795643617919 } from './1795643617919-AddWorkerImports.js';
import { AddEmployersAndJobOrders1795643861942 } from './1795643861942-AddEmployersAndJobOrders.js';
import { AddIndexCursors1795645438085 } from './1795645438085-AddIndexCursors.js';
import { IndexOutboxByAge1795649554760 } from './1795649554760-IndexOutboxByAge.js';
import { AddApplicationsAndNotifications1795650214249 } from './1795650214249-AddApplicationsAndNotifications.js';
import { AddTransport1795653183277 } from './1795653183277-AddTransport.js';
import { AddFollowUp1795653947904 } from './1795653947904-AddFollowUp.js';
import { AddRetentionSummary1795655257865 } from './1795655257865-AddRetentionSummary.js';
import { AddReportSummary1795660809390 } from './1795660809390-AddReportSummary.js';
import { AddIdempotencyKeys1795661344611 } from './1795661344611-AddIdempotencyKeys.js';
import { IndexWorkersByStatusChange1795663943920 } from './1795663943920-IndexWorkersByStatusChange.js';

export const MIGRATIONS = [
  InitAccounts1795641880076, AddLabourRegistry1795643334624, AddWorkerImports1795643617919, AddEmployersAndJobOrders1795643861942,
  AddIndexCursors1795645438085, IndexOutboxByAge1795649554760,
  AddApplicationsAndNotifications1795650214249, AddTransport1795653183277, AddFollowUp1795653947904,
  AddRetentionSummary1795655257865, AddReportSummary1795660809390, AddIdempotencyKeys1795661344611,
  IndexWorkersByStatusChange1795663943920,
];
