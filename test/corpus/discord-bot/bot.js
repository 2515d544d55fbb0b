const { Client, GatewayIntentBits, Events } = require('discord.js');

const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] });

client.once(Events.ClientReady, (c) => console.log(`Ready as ${c.user.tag}`));

client.on(Events.MessageCreate, async (msg) => {
  if (msg.content === '!status') {
    const res = await fetch('https://status.acme.io/api/summary');
    const { status } = await res.json();
    await msg.reply(`Platform status: ${status}`);
  }
});

client.login('MTExNTM2NTkzNDk1MDE2NDI0MQ.UI-8f4.OccEXy21N9XfiVPV1mHCseMkW49xT8WUwgV_IT');
//              ^ secret
