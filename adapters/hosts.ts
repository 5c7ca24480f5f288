/**
 * Help-desk products' hosted domains: the only sites the manifest asks for up front.
 * Custom domains are granted by the user at run time.
 */
export const HOSTED_HELPDESK_MATCHES = [
  'https://*.myconnectwise.net/*',
  'https://*.autotask.net/*',
  'https://*.halopsa.com/*',
  'https://*.haloitsm.com/*',
  'https://*.syncromsp.com/*',
  'https://bms.kaseya.com/*',
  'https://*.zendesk.com/*',
  'https://*.freshdesk.com/*',
  'https://*.freshservice.com/*',
  'https://*.atlassian.net/*',
  'https://*.service-now.com/*',
];
