import { createCipheriv, randomBytes } from 'node:crypto';
import { newId } from '../db/ids.ts';
import { boxLength, sealBox, type BoxContent } from '../server/security/answerBox.ts';
import { almaty2023 } from '../shared/methodology/almaty2023/index.ts';
import type { BenchRow } from './results.ts';
import { median } from './support/stats.ts';

const BATCHES = 200;
const PER_BATCH = 100;
const WARM_UP = 2000;

/**
 * What sealing one answer costs the submission path, on its own: server/security/answerBox.ts's sealBox of an
 * employee-form questionnaire (padded to the form's one length) under a campaign key, in this process, beside
 * the same number of bytes through AES-256-GCM in node:crypto with a fresh nonce and nothing else. Batches of the
 * two take turns, so that a busy moment of the shared machine falls on both alike; the figure is the median
 * batch's time per answer.
 */
export function measureAnswerSealing(log: (line: string) => void): BenchRow[] {
  const form = almaty2023.forms.employee;
  const statements = form.competencies.flatMap((c) => c.statements.map((s) => s.id));
  const length = boxLength(statements, almaty2023.scale.map((l) => l.value));
  const key = randomBytes(32);
  const contents = Array.from({ length: PER_BATCH }, (): { evaluationId: string; content: BoxContent } => ({
    evaluationId: newId(),
    content: { isSelf: false, group: 'peer', answers: Object.fromEntries(statements.map((id) => [id, 1 + Math.floor(Math.random() * 5)])) },
  }));
  const plain = Buffer.alloc(length, ' ');

  const product = () => {
    for (const { evaluationId, content } of contents) sealBox(key, evaluationId, content, length);
  };
  const baseline = () => {
    for (const { evaluationId } of contents) {
      const cipher = createCipheriv('aes-256-gcm', key, randomBytes(12)).setAAD(Buffer.from(evaluationId));
      cipher.update(plain);
      cipher.final();
      cipher.getAuthTag();
    }
  };
  const perAnswer = (run: () => void) => {
    const started = performance.now();
    run();
    return ((performance.now() - started) * 1000) / PER_BATCH;
  };
  for (let i = 0; i < WARM_UP / PER_BATCH; i++) {
    product();
    baseline();
  }
  const products: number[] = [];
  const baselines: number[] = [];
  for (let i = 0; i < BATCHES; i++) {
    products.push(perAnswer(product));
    baselines.push(perAnswer(baseline));
  }
  log(`  sealing one answer of ${length} bytes: ${median(products).toFixed(1)} µs (AES-256-GCM alone ${median(baselines).toFixed(1)} µs)`);
  return [
    {
      measurement: 'Answer sealing on the submission path',
      figure: `sealBox, one employee-form answer (${length} bytes), median of ${BATCHES} × ${PER_BATCH}`,
      unit: 'µs',
      product: median(products),
      baseline: median(baselines),
      better: 'lower',
      baselineMeaning: `AES-256-GCM of ${length} bytes in node:crypto with a fresh 96-bit nonce and the evaluation id as additional data, no serialising, padding or base64; in the bench's own process, batches taking turns`,
    },
  ];
}
