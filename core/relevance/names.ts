import { fold, isStopword } from './language';
import { forEachWord } from './text';

/**
 * Product and application names weigh more than other words when a ticket is compared with the
 * account's notes: "Dentrix" says more about which note matters than "down" or "front desk".
 * A word is a name when it is in this list, is written like one ("QuickBooks", "M365"), or is a
 * word of what the account was sold (its deals' "products sold", generic sales words aside).
 */
const APPLICATIONS = `
dentrix eaglesoft opendental curve dexis carestream sirona cerec athenahealth athena epic cerner ehr emr
eclinicalworks nextgen kareo drchrono allscripts practicefusion medisoft simplepractice weave
clio mycase practicepanther netdocuments imanage worldox timeslips pclaw abacuslaw
quickbooks qbo xero sage freshbooks netsuite lexware datev sevdesk addison agenda diamant navision
outlook exchange teams sharepoint onedrive office365 o365 m365 microsoft365 entra intune azure autopilot
defender macos chromebook gmail
zoom webex ringcentral dialpad 8x8 nextiva vonage sipgate placetel starface 3cx yealink polycom
veeam datto acronis backblaze carbonite wasabi synology qnap netapp truenas
sophos fortigate fortinet sonicwall meraki ubiquiti unifi watchguard palo paloalto pfsense
crowdstrike sentinelone webroot bitdefender malwarebytes huntress eset kaspersky
mimecast proofpoint barracuda knowbe4 duo okta lastpass bitwarden keeper 1password
citrix vmware hyperv esxi vcenter rds rdp anydesk teamviewer splashtop screenconnect
autocad revit solidworks bluebeam sketchup archicad vectorworks procore
adobe acrobat photoshop indesign dropbox box egnyte sharefile
salesforce hubspot dynamics pipedrive zendesk freshdesk
shopify woocommerce square clover toast lightspeed opentable
sap abas proalpha weclapp shopware jtl lexoffice
hp canon ricoh brother kyocera xerox konica lexmark zebra dymo
cisco juniper aruba netgear tplink
`;

const KNOWN = new Set(APPLICATIONS.split(/\s+/).filter(Boolean).map(fold));

// Words in "products sold" that name no product.
const GENERIC = new Set(
  (
    'managed it essentials essential support plan plans bundle seat seats user users package services service premium ' +
    'basic pro plus standard advanced complete care monthly annual year years license licenses licence setup install ' +
    'installation project onboarding hardware software device devices workstation workstations pcs pc laptops desktop ' +
    'and with for the of per site sites location locations office offices included includes new upgrade migration ' +
    'dental law firm firms clinic clinics medical design designs architects legal accounting retail ' +
    'praxis kanzlei steuerkanzlei autohaus handwerk ' +
    'betreuung paket pakete arbeitsplatz arbeitsplätze lizenz lizenzen einrichtung wartung vertrag monatlich jährlich'
  )
    .split(/\s+/)
    .map(fold),
);

export const isKnownApplication = (folded: string) => KNOWN.has(folded);

/** The name words in what an account was sold ("Dentrix support, Veeam backup (18 seats)" -> dentrix, veeam, backup). */
export function productWords(productsSold: Iterable<string>): Set<string> {
  const out = new Set<string>();
  // Read without regular expressions: a worker that has just started would compile them first.
  for (const text of productsSold)
    forEachWord(text, (start, end) => {
      const w = fold(text.slice(start, end));
      if (w.length >= 3 && !allDigits(w) && !GENERIC.has(w) && !isStopword(w)) out.add(w);
    });
  return out;
}

function allDigits(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
