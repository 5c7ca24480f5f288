/** What each industry buys, is promised and suffers from, and what its people are called. */
import type { Country, Role } from './world';

export interface Industry {
  label: string;
  seats: [number, number];
  /** Per-seat monthly price range in the deal currency. */
  perSeat: [number, number];
  titles: Record<Role, string[]>;
  /** Line-of-business systems by country; `{sys}` in the texts below. */
  systems: Record<Country, string[]>;
  products: string[];
  promises: string[];
  pains: string[];
  /** US campaign mix. Missing key: no campaign. */
  campaigns: Array<readonly [string, number]>;
  /** What keeps the decision maker busy in the morning. */
  busy: string;
}

export const NO_CAMPAIGN = '';

export const INDUSTRIES: Record<string, Industry> = {
  dental: {
    label: 'Dental practice',
    seats: [8, 30],
    perSeat: [120, 160],
    busy: 'they have patients from 7:30',
    titles: {
      'decision maker': ['Practice owner, DDS', 'Owner & lead dentist', 'Principal dentist'],
      champion: ['Office manager', 'Practice manager'],
      billing: ['Billing coordinator', 'Office manager'],
      technical: ['Office manager, handles IT', 'Treatment coordinator'],
      influencer: ['Associate dentist', 'Hygiene lead'],
      'end user': ['Front desk', 'Dental assistant', 'Hygienist'],
    },
    systems: {
      US: ['Dentrix', 'Eaglesoft', 'Open Dental', 'Dentrix Ascend'],
      UK: ['Software of Excellence', 'Dentally'],
      DE: ['Dampsoft'],
    },
    products: [
      '{sys} server hosting',
      '{sys} support',
      'imaging workstation support',
      'HIPAA risk assessment',
      'nightly backups',
      'VoIP phones',
    ],
    promises: [
      '1-hour response on the dental scheduler ({sys})',
      'Imaging PCs checked before 7am on clinic days',
      'Support during Saturday clinic hours',
      'On-site visit within 4 hours for chair-side PCs',
    ],
    pains: [
      'scheduler outages on Monday mornings',
      'imaging PCs that take ten minutes to boot',
      'nobody answering the phone at their old provider',
      'a backup that had silently failed for months',
    ],
    campaigns: [
      ['camp-postcard-dental', 60],
      ['camp-referral', 15],
      ['camp-google-ads', 15],
      [NO_CAMPAIGN, 10],
    ],
  },
  legal: {
    label: 'Law firm',
    seats: [6, 60],
    perSeat: [140, 190],
    busy: 'court calendar',
    titles: {
      'decision maker': ['Managing partner', 'Founding partner', 'Senior partner'],
      champion: ['Firm administrator', 'Office manager', 'Practice manager'],
      billing: ['Billing manager', 'Bookkeeper'],
      technical: ['Litigation support specialist', 'Firm administrator'],
      influencer: ['Senior associate', 'Partner'],
      'end user': ['Paralegal', 'Legal assistant', 'Receptionist'],
    },
    systems: {
      US: ['Clio', 'iManage', 'NetDocuments', 'PCLaw', 'Worldox'],
      UK: ['LEAP', 'Clio', 'Osprey'],
      DE: ['RA-MICRO', 'DATEV Anwalt', 'Advolux'],
    },
    products: [
      '{sys} support',
      'encrypted email',
      'document management backups',
      'remote access for attorneys',
      'phishing training',
    ],
    promises: [
      'Same-day response during trial weeks',
      '{sys} restores within 2 hours',
      'Encrypted email for client files',
      'Quarterly business review with the managing partner',
    ],
    pains: [
      'slow document searches in {sys}',
      'a spoofed email that almost redirected a settlement payment',
      'attorneys unable to reach files from court',
      'billable time lost to password lockouts',
    ],
    campaigns: [
      ['camp-webinar-legal', 55],
      ['camp-referral', 20],
      ['camp-linkedin-cfo', 15],
      [NO_CAMPAIGN, 10],
    ],
  },
  accounting: {
    label: 'Accounting',
    seats: [5, 40],
    perSeat: [130, 175],
    busy: 'client meetings first thing',
    titles: {
      'decision maker': ['Managing partner', 'Owner, CPA', 'Principal'],
      champion: ['Operations manager', 'Office manager'],
      billing: ['Controller', 'Bookkeeper'],
      technical: ['Senior accountant, IT liaison', 'Operations manager'],
      influencer: ['Tax manager', 'Partner'],
      'end user': ['Staff accountant', 'Payroll specialist', 'Seasonal tax preparer'],
    },
    systems: {
      US: ['UltraTax CS', 'Lacerte', 'CCH Axcess', 'Drake Tax', 'ProSeries'],
      UK: ['IRIS', 'CCH iFirm', 'TaxCalc', 'Xero Practice Manager'],
      DE: ['DATEV'],
    },
    products: [
      '{sys} workstation support',
      'secure client portal',
      'MFA rollout',
      'cyber-insurance questionnaire help',
      'nightly backups',
    ],
    promises: [
      'Extended hours during tax season (Feb-Apr)',
      'Priority on {sys} issues in tax season',
      'Help with the cyber-insurance questionnaire each renewal',
      'Loaner laptop within one business day',
    ],
    pains: [
      'tax-season slowdowns in {sys}',
      'a phishing scare in the middle of filing season',
      'client documents sitting in personal Dropbox accounts',
      'the cyber-insurance renewal questionnaire',
    ],
    campaigns: [
      ['camp-linkedin-cfo', 40],
      ['camp-referral', 20],
      ['camp-webinar-ransomware', 15],
      ['camp-google-ads', 15],
      [NO_CAMPAIGN, 10],
    ],
  },
  clinic: {
    label: 'Healthcare clinic',
    seats: [10, 70],
    perSeat: [135, 185],
    busy: 'morning huddle with the clinical team',
    titles: {
      'decision maker': ['Medical director', 'Clinic owner', 'Owner, DPT'],
      champion: ['Practice administrator', 'Clinic manager'],
      billing: ['Billing manager', 'Revenue cycle lead'],
      technical: ['EHR super-user', 'Clinic manager'],
      influencer: ['Nurse manager', 'Lead physician'],
      'end user': ['Front desk coordinator', 'Medical assistant', 'Scheduler'],
    },
    systems: {
      US: ['eClinicalWorks', 'athenaOne', 'WebPT', 'NextGen'],
      UK: ['Cliniko', 'Semble'],
      DE: ['Medistar', 'CGM ALBIS', 'T2med'],
    },
    products: [
      '{sys} workstation support',
      'HIPAA risk assessment',
      'fax-to-email',
      'badge-tap logins at the front desk',
      'nightly backups',
    ],
    promises: [
      '1-hour response on the EHR ({sys})',
      'Sign a BAA and run an annual HIPAA risk assessment',
      'After-hours support for the evening clinic',
      'Front-desk PCs swapped the same day if they fail',
    ],
    pains: [
      '{sys} freezing at check-in',
      'findings from a HIPAA audit',
      'shared logins at the front desk',
      'a fax server that failed every other week',
    ],
    campaigns: [
      ['camp-seo-hipaa', 45],
      ['camp-referral', 25],
      ['camp-google-ads', 20],
      [NO_CAMPAIGN, 10],
    ],
  },
  vet: {
    label: 'Veterinary',
    seats: [8, 25],
    perSeat: [120, 150],
    busy: 'surgeries in the morning',
    titles: {
      'decision maker': ['Owner, DVM', 'Medical director'],
      champion: ['Hospital manager'],
      billing: ['Bookkeeper', 'Hospital manager'],
      technical: ['Hospital manager', 'Lead vet tech'],
      influencer: ['Associate veterinarian'],
      'end user': ['Client service rep', 'Vet tech'],
    },
    systems: { US: ['AVImark', 'Cornerstone', 'ezyVet'], UK: ['RxWorks', 'ezyVet'], DE: ['easyVET'] },
    products: ['{sys} server support', 'lab equipment interfaces', 'nightly backups', 'VoIP phones'],
    promises: [
      'Weekend emergency line for {sys} outages',
      'Lab results interface fixed within 4 hours',
      'Quarterly business review with the owner',
    ],
    pains: ['the {sys} server under the reception desk', 'lab results not flowing into {sys}', 'no weekend coverage'],
    campaigns: [
      ['camp-seo-hipaa', 20],
      ['camp-referral', 40],
      ['camp-google-ads', 30],
      [NO_CAMPAIGN, 10],
    ],
  },
  mfg: {
    label: 'Manufacturing',
    seats: [20, 150],
    perSeat: [95, 140],
    busy: 'the production meeting at 7',
    titles: {
      'decision maker': ['Owner', 'President', 'COO', 'Plant manager'],
      champion: ['Operations manager', 'Controller'],
      billing: ['Controller', 'AP specialist'],
      technical: ['ERP admin', 'Maintenance supervisor', 'Engineering manager'],
      influencer: ['Quality manager', 'Production manager'],
      'end user': ['Shipping lead', 'CNC programmer', 'Buyer'],
    },
    systems: {
      US: ['Epicor Kinetic', 'JobBOSS', 'E2 Shop System', 'Global Shop Solutions'],
      UK: ['Sage 200', 'Epicor'],
      DE: ['proALPHA', 'SAP Business One', 'abas ERP'],
    },
    products: [
      '{sys} server support',
      'shop-floor network segmentation',
      'CAD workstation support',
      'offsite backups',
      'badge-access integration',
    ],
    promises: [
      'After-hours support for the night shift',
      '{sys} server 2-hour response, 24x7',
      'Shop-floor work scheduled around production runs',
      'Quarterly business review with the owner',
    ],
    pains: [
      '{sys} outages that stopped shipping',
      'unpatched Windows 7 PCs on the shop floor',
      'a ransomware hit at a supplier that scared the owner',
      'no documentation from the previous IT guy',
    ],
    campaigns: [
      ['camp-cold-email-mfg', 40],
      ['camp-google-ads', 20],
      ['camp-referral', 15],
      ['camp-partner-m365', 10],
      ['camp-webinar-ransomware', 5],
      [NO_CAMPAIGN, 10],
    ],
  },
  nonprofit: {
    label: 'Nonprofit',
    seats: [5, 40],
    perSeat: [80, 110],
    busy: 'the daily volunteer briefing',
    titles: {
      'decision maker': ['Executive director'],
      champion: ['Operations director', 'Office manager'],
      billing: ['Finance manager', 'Part-time bookkeeper'],
      technical: ['Development database manager', 'Operations director'],
      influencer: ['Board treasurer', 'Development director'],
      'end user': ['Program coordinator', 'Volunteer coordinator'],
    },
    systems: {
      US: ['Bloomerang', 'Salesforce NPSP', 'DonorPerfect', 'Little Green Light'],
      UK: ['Beacon CRM', 'Donorfy'],
      DE: ['Microsoft 365'],
    },
    products: [
      'Microsoft 365 nonprofit licensing',
      '{sys} support',
      'donated-hardware imaging',
      'volunteer account management',
    ],
    promises: [
      'Help applying for Microsoft nonprofit grants',
      'Volunteer laptops wiped and reissued within 2 days',
      'Nonprofit rate locked for 3 years',
    ],
    pains: [
      'volunteers sharing one login',
      'donor data in spreadsheets on personal laptops',
      'a grant that required a cybersecurity policy',
      'a closet full of donated PCs nobody could set up',
    ],
    campaigns: [
      ['camp-event-nonprofit', 50],
      ['camp-partner-m365', 20],
      ['camp-referral', 20],
      [NO_CAMPAIGN, 10],
    ],
  },
  school: {
    label: 'Education',
    seats: [20, 160],
    perSeat: [60, 95],
    busy: 'drop-off and morning assembly',
    titles: {
      'decision maker': ['Head of school', 'Principal', 'Business manager'],
      champion: ['Business manager', 'Assistant principal'],
      billing: ['Business manager', 'Bursar'],
      technical: ['Technology coordinator', 'Teacher and tech lead'],
      influencer: ['Board chair', 'Dean of students'],
      'end user': ['Admissions coordinator', 'Front office'],
    },
    systems: {
      US: ['Google Workspace for Education', 'PowerSchool', 'Blackbaud'],
      UK: ['Arbor MIS', 'SIMS'],
      DE: ['Moodle'],
    },
    products: ['Chromebook fleet management', '{sys} support', 'content filtering', 'classroom Wi-Fi'],
    promises: [
      'Summer device refresh done before the first day of term',
      'Content-filter report to the principal every month',
      'Extra technician on-site for state testing days',
    ],
    pains: [
      'Chromebooks going missing',
      'Wi-Fi dying in the gym during assemblies',
      'testing days with half the devices not updated',
      'content-filter complaints from parents',
    ],
    campaigns: [
      ['camp-partner-m365', 35],
      ['camp-event-nonprofit', 15],
      ['camp-referral', 25],
      ['camp-google-ads', 15],
      [NO_CAMPAIGN, 10],
    ],
  },
  realestate: {
    label: 'Real estate',
    seats: [5, 35],
    perSeat: [110, 150],
    busy: 'showings',
    titles: {
      'decision maker': ['Principal broker', 'Owner/broker', 'Managing broker'],
      champion: ['Office manager', 'Transaction coordinator'],
      billing: ['Office manager', 'Bookkeeper'],
      technical: ['Transaction coordinator'],
      influencer: ['Top-producing agent', 'Property manager'],
      'end user': ['Agent', 'Leasing agent'],
    },
    systems: {
      US: ['Dotloop', 'SkySlope', 'AppFolio', 'Buildium'],
      UK: ['Reapit', 'Alto'],
      DE: ['onOffice', 'FLOWFACT'],
    },
    products: [
      'mobile device management',
      '{sys} support',
      'wire-fraud email filtering',
      'agent onboarding/offboarding',
    ],
    promises: [
      "New agents' laptops and phones set up the day they join",
      'Wire-fraud warning banner on all external email',
      'Offboarding within one hour when an agent leaves',
    ],
    pains: [
      'agents bringing their own laptops',
      'a wire-fraud attempt on a closing',
      'email accounts of agents who left years ago',
    ],
    campaigns: [
      ['camp-google-ads', 35],
      ['camp-linkedin-cfo', 15],
      ['camp-referral', 30],
      ['camp-webinar-ransomware', 10],
      [NO_CAMPAIGN, 10],
    ],
  },
  arch: {
    label: 'Architecture & engineering',
    seats: [8, 45],
    perSeat: [140, 190],
    busy: 'site visits',
    titles: {
      'decision maker': ['Principal', 'Founding principal'],
      champion: ['Studio manager', 'Office manager'],
      billing: ['Office manager'],
      technical: ['BIM manager', 'CAD manager'],
      influencer: ['Project architect', 'Senior engineer'],
      'end user': ['Designer', 'Drafter'],
    },
    systems: {
      US: ['Revit', 'AutoCAD', 'Civil 3D', 'Bluebeam'],
      UK: ['Revit', 'Vectorworks'],
      DE: ['ArchiCAD', 'Allplan'],
    },
    products: ['{sys} workstation support', 'file sync between offices', 'plotter support', 'offsite backups'],
    promises: [
      '{sys} workstations replaced within 2 business days',
      'Plotter fixed before deadline days',
      'Quarterly business review with the principals',
    ],
    pains: [
      'huge {sys} files over a slow VPN',
      'a plotter nobody could fix',
      'file locking conflicts between two offices',
    ],
    campaigns: [
      ['camp-google-ads', 30],
      ['camp-linkedin-cfo', 20],
      ['camp-referral', 30],
      ['camp-partner-m365', 10],
      [NO_CAMPAIGN, 10],
    ],
  },
  construction: {
    label: 'Construction',
    seats: [10, 60],
    perSeat: [105, 140],
    busy: 'site walks',
    titles: {
      'decision maker': ['Owner', 'President'],
      champion: ['Office manager', 'Operations manager'],
      billing: ['Controller', 'Office manager'],
      technical: ['Estimator, also does the IT', 'Project engineer'],
      influencer: ['Superintendent', 'Project manager'],
      'end user': ['Estimator', 'Dispatcher'],
    },
    systems: { US: ['Procore', 'Sage 300 CRE', 'Foundation'], UK: ['Sage 200', 'Causeway'], DE: ['NEVARIS'] },
    products: ['site trailer connectivity (LTE)', '{sys} support', 'rugged tablet management', 'offsite backups'],
    promises: [
      'Site trailer internet up within 24 hours of mobilising',
      'Loaner laptop for estimators during bid week',
      'After-hours support for the night shift',
    ],
    pains: [
      'site trailers with no internet',
      'an estimator losing a bid to a dead laptop',
      'the office server in a closet next to the water heater',
    ],
    campaigns: [
      ['camp-google-ads', 30],
      ['camp-cold-email-mfg', 25],
      ['camp-referral', 35],
      [NO_CAMPAIGN, 10],
    ],
  },
  insurance: {
    label: 'Insurance agency',
    seats: [6, 30],
    perSeat: [125, 160],
    busy: 'renewal calls',
    titles: {
      'decision maker': ['Agency principal', 'Owner'],
      champion: ['Agency operations manager'],
      billing: ['Office manager'],
      technical: ['Account manager, IT go-to'],
      influencer: ['Producer'],
      'end user': ['CSR', 'Account manager'],
    },
    systems: { US: ['Applied Epic', 'EZLynx', 'HawkSoft'], UK: ['Acturis', 'Open GI'], DE: ['AMS'] },
    products: ['{sys} support', 'MFA rollout', 'carrier portal password vault', 'VoIP phones'],
    promises: [
      'MFA on everything before the E&O audit',
      'Phones forwarded within 15 minutes during storm outages',
      'Quarterly business review with the owner',
    ],
    pains: [
      'carrier portal logins on sticky notes',
      'an E&O audit asking about MFA',
      'phones going down in storm season',
    ],
    campaigns: [
      ['camp-linkedin-cfo', 35],
      ['camp-referral', 30],
      ['camp-webinar-ransomware', 15],
      ['camp-google-ads', 10],
      [NO_CAMPAIGN, 10],
    ],
  },
  logistics: {
    label: 'Logistics',
    seats: [15, 80],
    perSeat: [100, 140],
    busy: 'dispatch at 5am',
    titles: {
      'decision maker': ['General manager', 'Owner'],
      champion: ['Operations manager'],
      billing: ['Controller'],
      technical: ['Dispatch lead', 'Warehouse systems lead'],
      influencer: ['Warehouse manager'],
      'end user': ['Dispatcher', 'Driver coordinator'],
    },
    systems: { US: ['McLeod', 'Tai TMS', 'Descartes'], UK: ['Mandata'], DE: ['Soloplan'] },
    products: ['{sys} hosting', 'warehouse Wi-Fi', 'scanner fleet management', 'offsite backups'],
    promises: [
      'After-hours support for the night shift',
      '24x7 response on the {sys} server',
      'Warehouse Wi-Fi survey every year',
    ],
    pains: [
      'dispatch screens freezing at 5am',
      'warehouse scanners dropping off Wi-Fi',
      '24x7 operations with a 9-to-5 IT provider',
    ],
    campaigns: [
      ['camp-cold-email-mfg', 35],
      ['camp-google-ads', 30],
      ['camp-referral', 25],
      [NO_CAMPAIGN, 10],
    ],
  },
};

export const GENERIC_PROMISES = [
  'Quarterly business review with {dm}',
  'Named technician for the first 90 days',
  'Onboarding complete within 30 days',
  'Monthly patch report to {champ}',
  'No charge for password resets',
  'Price locked for 36 months',
  '4-hour on-site response within city limits',
];

/** German job titles, in the neutral forms German CRMs tend to use. */
export const DE_TITLES: Record<Role, string[]> = {
  'decision maker': ['Geschäftsführung', 'Kaufmännische Leitung'],
  champion: ['Büroleitung', 'Assistenz der Geschäftsführung'],
  billing: ['Buchhaltung', 'Finanzbuchhaltung'],
  technical: ['IT-Administration', 'Systembetreuung'],
  influencer: ['Abteilungsleitung', 'Teamleitung'],
  'end user': ['Sachbearbeitung', 'Empfang'],
};
export const DE_DM_TITLES: Partial<Record<string, string[]>> = {
  clinic: ['Praxisleitung', 'Ärztliche Leitung'],
  legal: ['Kanzleileitung', 'Partnerschaft'],
  accounting: ['Kanzleileitung'],
  nonprofit: ['Vorstand'],
  school: ['Schulleitung'],
};
export const UK_DM_TITLES: Partial<Record<string, string[]>> = {
  mfg: ['Managing Director'],
  construction: ['Managing Director'],
  realestate: ['Director'],
  insurance: ['Managing Director'],
  school: ['Headteacher', 'Bursar'],
  dental: ['Principal dentist'],
  accounting: ['Managing partner', 'Director'],
  clinic: ['Clinic director', 'Clinical lead'],
  vet: ['Practice principal', 'Clinical director'],
  legal: ['Senior partner', 'Managing partner'],
  nonprofit: ['Chief executive', 'Director'],
  arch: ['Director'],
};
/** US-only regulation that must not show up in UK or German deals. */
export const US_ONLY = /HIPAA|BAA|E&O/;
