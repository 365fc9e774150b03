/**
 * Checks the built API docs (`docs/api`, Markdown, after `npm run docs`) show every input field:
 * each `*Input` interface's page names every field its schema accepts, with its documentation.
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
  const page = readFileSync(`docs/api/index/interfaces/${name}.md`, 'utf8');
  // A member is a `### field` (or `### field?`) heading, its signature as a `> ` line, then its
  // documentation: some prose before the next member's `***` rule.
  const members = page.split(/^\*\*\*$/m);
  for (const f of fields) {
    const member = members.find((m) => new RegExp(`^### ${f}\\??$`, 'm').test(m));
    const prose = member
      ?.split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('#') && !l.startsWith('>'));
    if (prose === undefined || prose.length === 0) missing.push(`${name}.${f}`);
  }
}
if (missing.length > 0) {
  console.error(
    `the API docs do not show these input fields with their documentation: ${missing.join(', ')}`,
  );
  process.exit(1);
}
console.log(`API docs show every input field of ${Object.keys(PAGES).length} input types`);
