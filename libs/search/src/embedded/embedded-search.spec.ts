import { describeSearchContract } from '../search.contract.js';
import { EmbeddedSearchEngine } from './embedded-search.engine.js';

await describeSearchContract('embedded', async () => new EmbeddedSearchEngine());
