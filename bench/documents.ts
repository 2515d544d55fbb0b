// Deterministic, realistic source files of a given size for the latency and memory benchmarks.
export type BenchLanguage = 'typescript' | 'python' | 'yaml' | 'json';

const EXT: Record<BenchLanguage, string> = { typescript: 'ts', python: 'py', yaml: 'yaml', json: 'json' };

function block(language: BenchLanguage, i: number): string[] {
  switch (language) {
    case 'typescript':
      return [
        `export interface Order${i} { id: string; total: number; currency: 'EUR' | 'USD'; items: string[] }`,
        `export async function loadOrder${i}(client: HttpClient, id: string): Promise<Order${i}> {`,
        `  const response = await client.get(\`/orders/\${id}\`, { headers: { 'x-request-id': crypto.randomUUID() } });`,
        `  if (!response.ok) throw new Error(\`order \${id} failed with \${response.status}\`);`,
        `  const apiKey = process.env.ORDERS_API_KEY ?? '';`,
        `  return { ...(await response.json()), total: Number(response.headers.get('x-total') ?? ${i}) };`,
        `}`,
        ``,
      ];
    case 'python':
      return [
        `class Order${i}Repository:`,
        `    """Loads and stores orders of batch ${i}."""`,
        ``,
        `    def __init__(self, session, password=None):`,
        `        self.session = session`,
        `        self.password = password or os.environ.get("ORDERS_DB_PASSWORD")`,
        `        self.table = "orders_${i}"`,
        ``,
        `    def find(self, order_id: str) -> dict:`,
        `        return self.session.execute(f"SELECT * FROM {self.table} WHERE id = %s", (order_id,)).fetchone()`,
        ``,
      ];
    case 'yaml':
      return [
        `  service-${i}:`,
        `    image: registry.example.com/orders/service-${i}:1.${i % 40}.0`,
        `    environment:`,
        `      DB_HOST: db-${i}.internal`,
        `      DB_PASSWORD: \${DB_PASSWORD}`,
        `      LOG_LEVEL: info`,
        `    ports:`,
        `      - "${8000 + (i % 1000)}:8080"`,
      ];
    case 'json':
      return [
        `  "service-${i}": {`,
        `    "image": "registry.example.com/orders/service-${i}:1.${i % 40}.0",`,
        `    "replicas": ${1 + (i % 5)},`,
        `    "apiKeyRef": "vault:secret/data/orders#api_key",`,
        `    "labels": { "team": "orders", "tier": "${i % 2 ? 'backend' : 'worker'}" }`,
        `  },`,
      ];
  }
}

/** A document of about `lines` lines; `variant` changes names so that many files differ. */
export function generateDocument(language: BenchLanguage, lines: number, variant = 0): { path: string; text: string } {
  const out: string[] = language === 'yaml' ? ['services:'] : language === 'json' ? ['{'] : language === 'python' ? ['import os', ''] : [];
  for (let i = 0; out.length < lines; i++) out.push(...block(language, i + variant * 1000));
  if (language === 'json') out.push('  "end": true', '}');
  return { path: `bench-${variant}.${EXT[language]}`, text: out.join('\n') + '\n' };
}
