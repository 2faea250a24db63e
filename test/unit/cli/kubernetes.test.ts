import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

// examples/kubernetes/: the Indexed Job's pods and the merge Job's, run here as local processes:
// each shard's command as written, with the index Kubernetes would give its pod, the merge over the
// parts they write, and the result compared with the unsharded sweep, byte for byte.

const root = resolve(import.meta.dirname, '../../..');
const folder = join(root, 'examples/kubernetes');

function manifests(file: string): any[] {
  const documents = parseAllDocuments(readFileSync(join(folder, file), 'utf8'));
  for (const document of documents) expect(document.errors, file).toEqual([]);
  return documents.map((document) => document.toJS());
}

/** Runs a container's `sh -c SCRIPT` from the repository's root (the image's /app) with `env`; resolves to its exit status and output. */
function runScript(script: string, env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done, fail) => {
    // `node` in the script is the one running these tests, as the image has one node.
    const path = `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`;
    const child = spawn('sh', ['-c', script], { cwd: root, env: { ...process.env, PATH: path, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => void (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => void (err += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, out, err }));
  });
}

/** The one container of a Job, with its script and the folder its parts go to. */
function containerOf(job: any): { script: string; parts: string } {
  const [container] = job.spec.template.spec.containers;
  expect(container.command).toEqual(['sh', '-c']);
  expect(container.workingDir).toBe('/app');
  const parts = container.env.find((e: any) => e.name === 'PARTS').value;
  expect(container.volumeMounts).toContainEqual({ name: 'parts', mountPath: parts });
  expect(job.spec.template.spec.volumes).toContainEqual({ name: 'parts', persistentVolumeClaim: { claimName: 'sawtooth-parts' } });
  return { script: container.args[0], parts };
}

describe.skipIf(process.platform === 'win32')('the Kubernetes example', () => {
  it('runs a sweep as an Indexed Job, a shard per pod, and its merge prints the unsharded sweep', { timeout: 180_000 }, async () => {
    const [claim, job] = manifests('sweep-job.yaml');
    expect(claim).toMatchObject({ kind: 'PersistentVolumeClaim', metadata: { name: 'sawtooth-parts' }, spec: { accessModes: ['ReadWriteMany'] } });
    expect(job).toMatchObject({ apiVersion: 'batch/v1', kind: 'Job', spec: { completionMode: 'Indexed', template: { spec: { restartPolicy: 'Never' } } } });
    const shards: number = job.spec.completions;
    expect(job.spec.parallelism).toBeLessThanOrEqual(shards);
    expect(job.spec.backoffLimitPerIndex).toBeGreaterThan(0);
    const { script } = containerOf(job);
    // The pod's index and the Job's completions, as one --shard I/N.
    expect(script).toContain(`--shard "$JOB_COMPLETION_INDEX/${shards}"`);
    expect(script).toContain('--out "$PARTS/part-$JOB_COMPLETION_INDEX.jsonl"');
    const [merge] = manifests('merge-job.yaml');
    expect(merge).toMatchObject({ kind: 'Job', spec: { template: { spec: { restartPolicy: 'Never' } } } });
    const mergeScript = containerOf(merge).script;
    expect(merge.spec.template.spec.containers[0].image).toBe(job.spec.template.spec.containers[0].image);

    const parts = mkdtempSync(join(tmpdir(), 'sawtooth-kubernetes-'));
    const pods = await Promise.all(Array.from({ length: shards }, (_, index) => runScript(script, { JOB_COMPLETION_INDEX: String(index), PARTS: parts })));
    for (const pod of pods) expect(pod).toEqual({ code: 0, out: '', err: '' });
    expect(readdirSync(parts).sort()).toEqual(Array.from({ length: shards }, (_, index) => `part-${index}.jsonl`));
    const merged = await runScript(mergeScript, { PARTS: parts });
    expect(merged.err).toBe('');
    expect(merged.code).toBe(0);

    const unsharded = await runScript(script.replace(/\s+--shard "[^"]*"/, '').replace(/\s+--out "[^"]*"/, ''), { PARTS: parts });
    expect(unsharded.code).toBe(0);
    expect(merged.out).toMatch(/^Sweep of JIT by totalCost, best first\n/);
    expect(merged.out).toBe(unsharded.out);
  });
});
