"""The generated Python client (clients/python, on PYTHONPATH) driving a live server the way a client developer
would; prints one JSON object of what it saw, GeneratedClientsTest checks it. Runs on Debian's python3 with Debian's
pydantic 1, urllib3 and dateutil (bin/setup-python).

Arguments: BASE_URL API_KEY VIDEO_FILE CLIP_ID ACCOUNT_ID
"""
import json
import sys
from datetime import datetime, timezone

import socialsync_client as ss


def main(base_url, api_key, path, clip, account):
    config = ss.Configuration(host=base_url, api_key={"apiKeyHeader": api_key})
    with ss.ApiClient(config) as client:
        # a job for later, twice under one idempotency key: one job, run_at kept
        jobs = ss.JobsApi(client)
        create = ss.CreateJob(kind="NOOP", run_at=datetime(2031, 1, 1, tzinfo=timezone.utc))
        job = jobs.create_job(create, idempotency_key="py-nightly-2031")
        again = jobs.create_job(create, idempotency_key="py-nightly-2031")
        read = jobs.get_job(job.id)

        library = ss.LibraryApi(client)
        uploaded = ss.IngestApi(client).upload(file=path, title="from python")  # a path: the client reads it
        video = library.video(uploaded.video.id)

        pages = []
        page = library.videos(limit=2)
        while True:
            pages.append([v.id for v in page.items])
            if not page.next_cursor:
                break
            page = library.videos(limit=2, before=int(page.next_cursor))

        scheduled = ss.PublishApi(client).schedule(ss.ScheduleBody(
            clip_id=ss.ScheduleBodyClipId(clip), social_account_id=ss.ScheduleBodyClipId(account),
            platform="instagram", scheduled_for="2030-01-07T20:00:00Z"))
        # publication ids are strings in bodies (the seed's), int64 in paths
        metrics = ss.InsightsApi(client).get_publication_metrics(int(scheduled.publish_log_id))

        try:
            library.video(999_999_999)
            missing = None
        except ss.ApiException as e:
            missing = {"status": e.status, **json.loads(e.body)}

    iso = lambda t: t.astimezone(timezone.utc).isoformat().replace("+00:00", "Z") if t else None  # noqa: E731
    print(json.dumps({
        "job": {"id": job.id, "again": again.id, "kind": read.kind, "state": read.state, "run_at": iso(read.run_at),
                "idempotency_key": read.idempotency_key},
        "video": {"id": video.id, "size_bytes": video.size_bytes, "title": video.title,
                  "original_name": video.original_name, "created_at": iso(video.created_at)},
        "pages": pages,
        "scheduled": {"id": scheduled.publish_log_id, "status": scheduled.status,
                      "scheduled_for": iso(scheduled.scheduled_for)},
        "metrics": {"publication_id": metrics.publication_id, "status": metrics.status,
                    "platform": metrics.platform,
                    "collections": len(metrics.collections)},
        "missing": missing,
    }))


if __name__ == "__main__":
    main(*sys.argv[1:6])
