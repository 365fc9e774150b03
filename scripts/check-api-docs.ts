/**
 * Checks the built API docs (`docs/api`, after `npm run docs`) show every input field: each
 * `*Input` interface's page names every field its schema accepts, with its documentation.
 */
import { readFileSync } from 'node:fs';
import { assuredServiceSchema } from '../src/schemas/assuredService.js';
import { chatMessageSchema, chatSessionSchema } from '../src/schemas/chatSession.js';
import { disputeSchema } from '../src/schemas/dispute.js';
import { orderSchema } from '../src/schemas/order.js';
import { reviewSchema } from '../src/schemas/review.js';
import { serviceOrderSchema } from '../src/schemas/serviceOrder.js';
import { storeDataSchema, storeSchema } from '../src/schemas/storeData.js';

const PAGES: Record<string, readonly string[]> = {
  OrderInput: Object.keys(orderSchema.in.shape),
  ChatSessionInput: Object.keys(chatSessionSchema.in.shape),
  ChatMessageInput: Object.keys(chatMessageSchema.shape),
  ReviewInput: Object.keys(reviewSchema.in.shape),
  ServiceOrderInput: Object.keys(serviceOrderSchema.in.shape),
  DisputeInput: Object.keys(disputeSchema.in.shape),
  AssuredServiceInput: Object.keys(assuredServiceSchema.in.shape),
  StoreInput: Object.keys(storeSchema.in.shape),
  StoreDataInput: Object.keys(storeDataSchema.in.shape),
};

const missing: string[] = [];
for (const [name, fields] of Object.entries(PAGES)) {
  const html = readFileSync(`docs/api/interfaces/index.${name}.html`, 'utf8');
  for (const f of fields) {
    // A documented member has its own anchor and a comment block.
    const at = html.indexOf(`id="${f.toLowerCase()}"`);
    if (at < 0 || !html.slice(at, at + 4000).includes('tsd-comment')) missing.push(`${name}.${f}`);
  }
}
if (missing.length > 0) {
  console.error(
    `the API docs do not show these input fields with their documentation: ${missing.join(', ')}`,
  );
  process.exit(1);
}
console.log(`API docs show every input field of ${Object.keys(PAGES).length} input types`);
