// @ts-nocheck
import Airtable from 'airtable';

const base = new Airtable({ apiKey: 'pat1np3RnezINgWy5.4768fae16c423a03b6169db34249e37dee9bf645486458522c00291e943ddf1b' }).base('appX7q2Lr9ZkW3vN1');
//                                     ^ secret

export async function upsertLead(email: string, company: string) {
  const existing = await base('Leads').select({ filterByFormula: `{Email} = '${email}'`, maxRecords: 1 }).firstPage();
  if (existing.length) return existing[0].id;
  const [created] = await base('Leads').create([{ fields: { Email: email, Company: company } }]);
  return created.id;
}
