/**
 * Every live data source, one line each: `export { <its LiveSource> as <its kind> } from './<file>';`.
 * A new CRM or PSA adds its line here and touches nothing else outside its own files (README,
 * Development). sources/live-sources.ts reads the lines; tests/unit/live-sources.test.ts checks them.
 */
export { autotaskSource as autotask } from './autotask';
export { connectwiseSource as connectwise } from './connectwise';
export { teamFeedSource as feed } from './team-feed';
export { halopsaSource as halopsa } from './halopsa';
export { hubspotSource as hubspot } from './hubspot';
export { pipedriveSource as pipedrive } from './pipedrive';
export { salesforceSource as salesforce } from './salesforce';
