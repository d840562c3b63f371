// tus-js-client as a Node or browser caller uses it: FILE in 64 KiB chunks to ENDPOINT, stopped after the first
// chunk and resumed by a second Upload from the server's offset. Prints one JSON line: every response it saw.
import { readFileSync } from 'node:fs';
import { Upload } from 'tus-js-client';

const [endpoint, apiKey, file] = process.argv.slice(2);
const data = readFileSync(file);
const responses = [];

function run(extra, stopAfterFirstChunk) {
  return new Promise((resolve, reject) => {
    const upload = new Upload(data, {
      endpoint,
      chunkSize: 64 * 1024,
      retryDelays: [],
      headers: { 'X-API-Key': apiKey },
      metadata: { filename: 'tus-js.mp4', filetype: 'video/mp4' },
      onAfterResponse: (req, res) => {
        responses.push({
          method: req.getMethod(), status: res.getStatus(), location: res.getHeader('Location') ?? null,
          offset: res.getHeader('Upload-Offset') ?? null, expires: res.getHeader('Upload-Expires') ?? null,
          video_id: res.getHeader('X-SocialSync-Video-Id') ?? null,
        });
      },
      onChunkComplete: () => {
        if (stopAfterFirstChunk) {
          upload.abort().then(() => resolve(upload), reject);
        }
      },
      onSuccess: () => resolve(upload),
      onError: reject,
      ...extra,
    });
    upload.start();
  });
}

try {
  const first = await run({}, true);
  const second = await run({ uploadUrl: first.url }, false);
  console.log(JSON.stringify({ url: first.url, resumed_url: second.url, responses }));
} catch (e) {
  console.error(`tus-js-client: ${e.message}`);
  process.exit(1);
}
