// Netlify function: adds an email to the newsletter list.
const MAILCHIMP_KEY = process.env.MAILCHIMP_API_KEY;
const LIST_ID = 'a1b2c3d4e5';

exports.handler = async (event) => {
  if (event.httpMethod !== 'POST') return { statusCode: 405, body: 'Method Not Allowed' };
  const { email } = JSON.parse(event.body || '{}');
  if (!email) return { statusCode: 400, body: 'email required' };
  const dc = MAILCHIMP_KEY.split('-')[1];
  const res = await fetch(`https://${dc}.api.mailchimp.com/3.0/lists/${LIST_ID}/members`, {
    method: 'POST',
    headers: { Authorization: `apikey ${MAILCHIMP_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ email_address: email, status: 'pending' }),
  });
  return { statusCode: res.ok ? 200 : 502, body: res.ok ? 'ok' : 'upstream error' };
};
