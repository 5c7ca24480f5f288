/** The sample customer list. */

const ACCOUNT_TABLE = `
Cedar Ridge Dental;dental;Portland, OR;cedarridgedental.com;
Willamette Family Dentistry;dental;Salem, OR;willamettefamilydentistry.com,wfdsalem.com;WFD
Bright Harbor Orthodontics;dental;Tacoma, WA;brightharborortho.com;
Pearl Street Dental Studio;dental;Eugene, OR;pearlstreetdental.com;
Northgate Pediatric Dentistry;dental;Seattle, WA;northgatekidsdentist.com;Northgate Kids Dentist
Cascade Smiles, PLLC;dental;Bend, OR;cascadesmiles.com;
Ramirez & Associates Family Dental;dental;Hillsboro, OR;ramirezfamilydental.com;Ramirez Dental
Lakeview Endodontics;dental;Lake Oswego, OR;lakeviewendo.com;
Summit Oral Surgery Group;dental;Gresham, OR;summitoralsurgery.com;SOSG
Olentangy Dental Care;dental;Columbus, OH;olentangydental.com;
Brookside Dental Arts;dental;Westerville, OH;brooksidedentalarts.com;
Short North Smiles;dental;Columbus, OH;shortnorthsmiles.com;
Miami Valley Periodontics;dental;Dayton, OH;mvperio.com;MV Perio
Queen City Family Dental;dental;Cincinnati, OH;queencitydental.com,qcfamilydental.com;
Evergreen Implant Center;dental;Vancouver, WA;evergreenimplants.com;
Dublin Green Dental;dental;Dublin, OH;dublingreendental.com;
Harrogate Road Dental Practice;dental;Leeds;harrogateroaddental.co.uk;
Minster Dental Care Ltd;dental;York;minsterdental.co.uk;
Kirkstall Orthodontic Centre;dental;Leeds;kirkstallortho.co.uk;
Hollis, Grant & Merriweather LLP;legal;Portland, OR;hgmlaw.com,hollisgrant.com;HGM|Hollis Grant
Tran Law Group, P.C.;legal;Seattle, WA;tranlawgroup.com;
Okafor & Delgado LLP;legal;Tacoma, WA;okafordelgado.com;
Mill Creek Legal Services;legal;Salem, OR;millcreeklegal.com;
Pemberton Estate Law;legal;Lake Oswego, OR;pembertonestatelaw.com;
Castellano Immigration Law, PLLC;legal;Beaverton, OR;castellanoimmigration.com;
Whitaker Lindqvist LLP;legal;Columbus, OH;wl-law.com;WL Law
German Village Law Office;legal;Columbus, OH;germanvillagelaw.com;
Brennan & O'Rourke, Attorneys at Law;legal;Cincinnati, OH;brennanorourke.com;Brennan O'Rourke
Fairbanks Employment Law;legal;Dayton, OH;fairbanksemploymentlaw.com,fairbankslaw.com;
Ashdown Family Law;legal;Vancouver, WA;ashdownfamilylaw.com;
Redwine Patent Partners;legal;Seattle, WA;redwinepatents.com;
Ainsworth Pryce Solicitors;legal;Leeds;ainsworthpryce.co.uk;
Fenwick & Hale LLP;legal;Manchester;fenwickhale.co.uk;
Castlegate Conveyancing Ltd;legal;York;castlegateconveyancing.co.uk;
Moorfield Legal Ltd;legal;Sheffield;moorfieldlegal.co.uk;
Kanzlei Brandt & Öztürk;legal;Stuttgart;brandt-oeztuerk.de;Brandt & Öztürk Rechtsanwälte
Scholz Rechtsanwälte PartG mbB;legal;Karlsruhe;scholz-ra.de;Kanzlei Scholz
Halvorsen & Tate CPAs;accounting;Portland, OR;halvorsentate.com;
Pacific Ledger Partners;accounting;Seattle, WA;pacificledger.com;PLP
Greenbriar Tax & Bookkeeping;accounting;Gresham, OR;greenbriartax.com;
Morrow & Finch CPA Group;accounting;Eugene, OR;morrowfinch.com;
Cornerstone Payroll Services, Inc.;accounting;Tacoma, WA;cornerstonepayroll.com;
Buckeye Tax Advisors;accounting;Columbus, OH;buckeyetax.com;
Ridgeway Wealth & Tax;accounting;Dublin, OH;ridgewaywealth.com;
Kessler Beaumont CPAs;accounting;Cincinnati, OH;kesslerbeaumont.com;KB CPAs
Two Rivers Bookkeeping;accounting;Dayton, OH;tworiversbooks.com;
Meridian Audit Group;accounting;Beaverton, OR;meridianaudit.com;
Pennington Clarke Chartered Accountants;accounting;Harrogate;penningtonclarke.co.uk;Pennington Clarke
Northern Quarter Accountancy Ltd;accounting;Manchester;nqaccountancy.co.uk;NQA
Coppergate Tax Advisers Ltd;accounting;York;coppergatetax.co.uk;
Aire Valley Payroll Ltd;accounting;Bradford;airevalleypayroll.co.uk;
Holroyd & Sykes LLP;accounting;Wakefield;holroydsykes.co.uk;
Steuerberatung Weiß & Partner;accounting;Ludwigsburg;weiss-partner-stb.de;Weiß & Partner
Hoffmann Treuhand GmbH;accounting;Heilbronn;hoffmann-treuhand.de;
Columbia Pediatrics;clinic;Vancouver, WA;columbiapeds.com;
Rose City Physical Therapy;clinic;Portland, OR;rosecitypt.com;RCPT
Hawthorne Women's Health;clinic;Portland, OR;hawthornewomenshealth.com;
Puget Sound Dermatology;clinic;Tacoma, WA;pugetsoundderm.com;
Bend Sports Medicine Clinic;clinic;Bend, OR;bendsportsmed.com;
Salem Eye Associates;clinic;Salem, OR;salemeye.com;
Maple Grove Urgent Care;clinic;Gresham, OR;maplegroveuc.com;
Clintonville Family Medicine;clinic;Columbus, OH;clintonvillefm.com;
Scioto Valley Chiropractic;clinic;Columbus, OH;sciotochiro.com;
Westerville Hearing Center;clinic;Westerville, OH;westervillehearing.com;
Oakwood Counseling Associates;clinic;Dayton, OH;oakwoodcounseling.com;
Tri-County Home Health;clinic;Cincinnati, OH;tricountyhomehealth.org;
Chapel Allerton Physiotherapy;clinic;Leeds;chapelallertonphysio.co.uk;
Ilkley Skin Clinic Ltd;clinic;Ilkley;ilkleyskin.co.uk;
Praxis Dr. Köhler – Allgemeinmedizin;clinic;Esslingen;praxis-koehler.de;Praxis Köhler
Physiotherapie am Neckar;clinic;Heilbronn;physio-am-neckar.de;
Alberta Street Animal Hospital;vet;Portland, OR;albertastreetvet.com;
Green Lake Veterinary Clinic;vet;Seattle, WA;greenlakevet.com;
Hilltop Equine Veterinary;vet;Bend, OR;hilltopequine.com;
Worthington Pet Hospital;vet;Columbus, OH;worthingtonpet.com;
Wetherby Veterinary Surgery;vet;Wetherby;wetherbyvets.co.uk;
Columbia Precision Machining;mfg;Vancouver, WA;columbiaprecision.com;CPM
Tualatin Valley Plastics;mfg;Hillsboro, OR;tvplastics.com;TVP
Ironwood Cabinetry;mfg;Eugene, OR;ironwoodcabinetry.com;
Sound Marine Fabrication;mfg;Tacoma, WA;soundmarinefab.com;
High Desert Brewing Co.;mfg;Bend, OR;highdesertbrewing.com;
Kerr & Daughters Millwork;mfg;Salem, OR;kerrmillwork.com;
Buckeye Gasket & Seal, Inc.;mfg;Columbus, OH;buckeyegasket.com;
Great Miami Tool & Die;mfg;Dayton, OH;greatmiamitool.com;
Mad River Coatings;mfg;Dayton, OH;madrivercoatings.com;
Ohio Valley Packaging Corp.;mfg;Cincinnati, OH;ovpackaging.com,ohiovalleypackaging.com;OVP
Pennine Fasteners Ltd;mfg;Sheffield;penninefasteners.co.uk;
Calder Textiles Ltd;mfg;Wakefield;caldertextiles.co.uk;
Don Valley Steel Fabrications Ltd;mfg;Sheffield;dvsteelfab.co.uk;DVSF
Schäfer Feinmechanik GmbH;mfg;Esslingen;schaefer-feinmechanik.de;
Bäuerle Kunststofftechnik GmbH & Co. KG;mfg;Böblingen;baeuerle-kunststoff.de;Bäuerle
Neckartal Metallbau GmbH;mfg;Heilbronn;neckartal-metallbau.de;
Krämer Verpackungen GmbH;mfg;Reutlingen;kraemer-verpackungen.de;
Weber Antriebstechnik AG;mfg;Stuttgart;weber-antriebe.de,weber-antriebstechnik.com;
Lindner Präzisionsteile GmbH;mfg;Ludwigsburg;lindner-praezision.de;
Albtal Holzbau GmbH;mfg;Karlsruhe;albtal-holzbau.de;
Columbia River Food Bank;nonprofit;Portland, OR;crfoodbank.org;CRFB
Clark County Housing Alliance;nonprofit;Vancouver, WA;clarkhousing.org;
Cascadia Youth Mentors;nonprofit;Seattle, WA;cascadiamentors.org;
Willamette Land Trust;nonprofit;Salem, OR;willamettelandtrust.org;
Friends of the Deschutes;nonprofit;Bend, OR;friendsofthedeschutes.org;
Central Ohio Literacy Council;nonprofit;Columbus, OH;centralohioliteracy.org;COLC
Dayton Refugee Resettlement Network;nonprofit;Dayton, OH;daytonrefugee.org;
Northside Animal Rescue;nonprofit;Cincinnati, OH;northsiderescue.org;
Yorkshire Dales Rural Trust;nonprofit;Harrogate;dalesruraltrust.org.uk;
Leeds Community Kitchen CIC;nonprofit;Leeds;leedscommunitykitchen.org.uk;
Sheffield Carers' Network;nonprofit;Sheffield;sheffieldcarers.org.uk;
Nachbarschaftshilfe Böblingen e.V.;nonprofit;Böblingen;nachbarschaftshilfe-bb.de;
St. Brigid's Catholic School;school;Portland, OR;stbrigidpdx.org;St. Brigid's
Cascade Montessori Academy;school;Beaverton, OR;cascademontessori.org;
Sound View Charter School;school;Olympia, WA;soundviewcharter.org;
Westside Christian Academy;school;Lake Oswego, OR;westsidechristian.org;
Hillsboro Language Institute;school;Hillsboro, OR;hillsborolanguage.com;
Columbus Arts Academy;school;Columbus, OH;columbusartsacademy.org;
Bexley Friends School;school;Columbus, OH;bexleyfriends.org;
Dayton STEM Prep;school;Dayton, OH;daytonstemprep.org;
Knaresborough Prep School;school;Harrogate;knaresboroughprep.co.uk;
Wharfedale Learning Trust;school;Leeds;wharfedalelearning.org.uk;WLT
Roundhay Music School;school;Leeds;roundhaymusic.co.uk;
Sprachschule Lingua Viva GmbH;school;Stuttgart;linguaviva-stuttgart.de;Lingua Viva
Pearl District Realty;realestate;Portland, OR;pearldistrictrealty.com;
Rainier Property Management;realestate;Tacoma, WA;rainierpm.com;
Cascade Crest Real Estate;realestate;Bend, OR;cascadecrest.com;
Columbia Gorge Title & Escrow;realestate;Vancouver, WA;cgtitle.com;CG Title
Keystone Commercial Realty;realestate;Columbus, OH;keystonecre.com;
Arena District Property Group;realestate;Columbus, OH;arenadistrictproperty.com;
Gem City Realtors;realestate;Dayton, OH;gemcityrealtors.com;
Over-the-Rhine Lofts Leasing;realestate;Cincinnati, OH;otrlofts.com;OTR Lofts
Moortown Lettings Ltd;realestate;Leeds;moortownlettings.co.uk;
Roberts & Lowe Estate Agents;realestate;York;robertslowe.co.uk;
Immobilien Kaiser GmbH;realestate;Stuttgart;kaiser-immobilien.de;
Foster Lund Architects;arch;Portland, OR;fosterlund.com;
Sixth Street Design Studio;arch;Seattle, WA;sixthstreetdesign.com;
Keel & Rafter Architecture;arch;Tacoma, WA;keelandrafter.com;
Ridgeline Civil Engineering;arch;Salem, OR;ridgelinecivil.com;
Brickyard Structural Engineers;arch;Columbus, OH;brickyardse.com;
Parkinson Duffy Architects;arch;Manchester;parkinsonduffy.co.uk;
Architekturbüro Fröhlich;arch;Reutlingen;froehlich-architekten.de;
Tall Timber Builders;construction;Eugene, OR;talltimberbuilders.com;
Northwest Roofing & Gutters;construction;Gresham, OR;nwroofing.com;
Hocking Hills Contractors;construction;Columbus, OH;hockinghillscontractors.com;
Ferris Mechanical, Inc.;construction;Cincinnati, OH;ferrismechanical.com;
Aire & Calder Groundworks Ltd;construction;Wakefield;aireandcalder.co.uk;
Laurelhurst Insurance Agency;insurance;Portland, OR;laurelhurstinsurance.com;
Benton & Marsh Insurance;insurance;Salem, OR;bentonmarsh.com;
Capital City Insurance Group;insurance;Columbus, OH;capitalcityins.com;CCIG
Hamlin Brothers Insurance;insurance;Dayton, OH;hamlinbros.com;
Dales Insurance Brokers Ltd;insurance;Harrogate;dalesinsurance.co.uk;
Port of Call Logistics;logistics;Tacoma, WA;portofcalllogistics.com;
Pedal Express Courier;logistics;Portland, OR;pedalexpress.com;
Crossroads Freight Brokerage;logistics;Columbus, OH;crossroadsfreight.com;
Lunken Cold Storage;logistics;Cincinnati, OH;lunkencold.com;
`;

export interface AccountRow {
  name: string;
  industry: string;
  city: string;
  domains: string[];
  aliases: string[];
}

export function parseAccountTable(): AccountRow[] {
  return ACCOUNT_TABLE.trim()
    .split('\n')
    .map((line) => {
      const [name = '', industry = '', city = '', domains = '', aliases = ''] = line.split(';');
      return {
        name,
        industry,
        city,
        domains: domains.split(',').filter(Boolean),
        aliases: aliases.split('|').filter(Boolean),
      };
    });
}
