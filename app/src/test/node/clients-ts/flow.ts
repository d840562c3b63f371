// The generated TypeScript client (clients/typescript, compiled strict together with this file) driving a live
// server the way a client developer would; prints one JSON object of what it saw, GeneratedClientsTest checks it.
// No `!` and no `?? []`: what a response always has is required in the document, so typed as present.
// Arguments: BASE_URL API_KEY VIDEO_FILE CLIP_ID ACCOUNT_ID
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import {
  Configuration, IngestApi, InsightsApi, JobsApi, LibraryApi, PublishApi, ResponseError,
} from "../../../../../clients/typescript/src";

async function main(): Promise<void> {
  const [basePath, apiKey, file, clip, account] = process.argv.slice(2);
  const config = new Configuration({ basePath, apiKey: () => apiKey });

  // a job for later, twice under one idempotency key: one job, run_at kept
  const jobs = new JobsApi(config);
  const runAt = new Date("2031-01-01T00:00:00Z");
  const createJob = { kind: "NOOP", run_at: runAt };
  const job = await jobs.createJob({ createJob, idempotencyKey: "ts-nightly-2031" });
  const again = await jobs.createJob({ createJob, idempotencyKey: "ts-nightly-2031" });
  const read = await jobs.getJob({ id: job.id });

  const library = new LibraryApi(config);
  const uploaded = await new IngestApi(config).upload({
    file: new File([readFileSync(file)], basename(file), { type: "video/mp4" }), title: "from typescript",
  });
  const video = await library.video({ id: uploaded.video.id });

  const pages: number[][] = [];
  let page = await library.videos({ limit: 2 });
  for (;;) {
    pages.push(page.items.map((v) => v.id));
    if (!page.next_cursor) break;
    page = await library.videos({ limit: 2, before: Number(page.next_cursor) });
  }

  const scheduled = await new PublishApi(config).schedule({
    scheduleBody: {
      clip_id: clip, social_account_id: account, platform: "instagram", scheduled_for: "2030-01-07T20:00:00Z",
    },
  });
  // publication ids are strings in bodies (the seed's), int64 in paths
  const metrics = await new InsightsApi(config).getPublicationMetrics({ id: Number(scheduled.publish_log_id) });

  let missing: unknown = null;
  try {
    await library.video({ id: 999_999_999 });
  } catch (e) {
    missing = e instanceof ResponseError ? { status: e.response.status, ...(await e.response.json()) } : String(e);
  }

  console.log(JSON.stringify({
    job: { id: job.id, again: again.id, kind: read.kind, state: read.state, run_at: read.run_at.toISOString(),
           idempotency_key: read.idempotency_key },
    video: { id: video.id, size_bytes: video.size_bytes, title: video.title, original_name: video.original_name,
             created_at: video.created_at.toISOString() },
    pages,
    scheduled: { id: scheduled.publish_log_id, status: scheduled.status,
                 scheduled_for: scheduled.scheduled_for?.toISOString() },
    metrics: { publication_id: metrics.publication_id, status: metrics.status, platform: metrics.platform,
               collections: metrics.collections.length },
    missing,
  }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
