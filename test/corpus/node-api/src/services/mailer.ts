// @ts-nocheck
import sgMail from '@sendgrid/mail';
import type { Order } from '../types';

const FROM = 'orders@acme.io';

sgMail.setApiKey(process.env.SENDGRID_API_KEY ?? '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');
//                                                  ^ secret

export async function sendReceipt(order: Order): Promise<void> {
  await sgMail.send({
    to: order.customerEmail,
    from: FROM,
    templateId: 'd-4f1c2b7a9e8d4c0b9a6f5e4d3c2b1a09',
    dynamicTemplateData: { orderId: order.id, total: order.total },
  });
}
