import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { schemaErrors, schemaFiles } from './testing/schema-check';

const DOC = resolve(__dirname, '../../../docs/wallboard-protocol.md');
const SCHEMAS = resolve(__dirname, 'schemas');

/** The protocol document carries the schemas verbatim, and its examples obey them. */
describe('wallboard protocol document', () => {
  const doc = readFileSync(DOC, 'utf8');

  it.each([...schemaFiles(), 'definitions'])('embeds %s.schema.json exactly', (name) => {
    const file = readFileSync(resolve(SCHEMAS, `${name}.schema.json`), 'utf8').trim();
    const embedded = new RegExp(
      `Schema \`${name}\\.schema\\.json\`:\\n\\n\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``,
    ).exec(doc)?.[1];
    expect(embedded).toBe(file);
  });

  it('has an example of every message, valid against its schema', () => {
    for (const name of schemaFiles()) {
      const [kind, type] = [name.slice(0, name.indexOf('-')), name.slice(name.indexOf('-') + 1)];
      const heading = `### \`${type}\` (${kind === 'client' ? 'client → server' : 'server → client'})`;
      const section = doc.slice(doc.indexOf(heading));
      const example = /```json\n(.*)\n```/.exec(section)?.[1];
      expect(example).toBeDefined();
      expect(schemaErrors(name, JSON.parse(example!))).toEqual([]);
    }
  });
});
