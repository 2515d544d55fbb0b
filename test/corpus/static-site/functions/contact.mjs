// Contact form: posts the message into Discord and files a Linear issue.
const DISCORD_WEBHOOK =
  'https://discord.com/api/webhooks/6242741273289750266/EENmtx3GAuE0FGdOkIZYXomfBgBoE1y2U_V2mY9l7QhbGVpNxPHUmiD4QFxlo2jf7QUc';
//   ^ secret
const LINEAR_KEY = process.env.LINEAR_API_KEY;

export default async (req) => {
  const form = await req.formData();
  const message = String(form.get('message') ?? '').slice(0, 1800);
  await fetch(DISCORD_WEBHOOK, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ content: `New contact: ${message}` }),
  });
  if (LINEAR_KEY) {
    await fetch('https://api.linear.app/graphql', {
      method: 'POST',
      headers: { Authorization: LINEAR_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { issueCreate(input: {teamId: "WEB", title: "Contact form"}) { success } }' }),
    });
  }
  return new Response('thanks', { status: 200 });
};
