const express = require('express');
const crypto = require('crypto');
const axios = require('axios');

const router = express.Router();
const ALERT_WEBHOOK = 'https://hooks.slack.com/services/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';
//                       ^ secret

function verifySignature(req) {
  const secret = process.env.SHOP_WEBHOOK_SECRET;
  const digest = crypto.createHmac('sha256', secret).update(req.rawBody).digest('base64');
  const given = req.get('x-shop-hmac-sha256') || '';
  return given.length === digest.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(digest));
}

router.post('/shop', async (req, res) => {
  if (!verifySignature(req)) return res.status(401).send('bad signature');
  const { id, total_price: total } = req.body;
  if (Number(total) > 5000) {
    await axios.post(ALERT_WEBHOOK, { text: `Large order ${id}: ${total}` });
  }
  res.sendStatus(204);
});

module.exports = router;
