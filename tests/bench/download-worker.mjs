// Downloads for the observatory benchmark, in a process of its own so that megabytes received are not collected by
// the server's garbage collector: on {id, url, cookie, count}, `count` concurrent GETs with gzip accepted, each read
// to its last byte without decompressing; answers {id, results: [{status, bytes, ms}]}.
import { request } from 'node:http';

function download(url, cookie) {
  return new Promise((resolve, reject) => {
    const at = performance.now();
    const req = request(url, { headers: { cookie, 'accept-encoding': 'gzip' } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - at }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

process.on('message', async ({ id, url, cookie, count }) => {
  try {
    const results = await Promise.all(Array.from({ length: count }, () => download(url, cookie)));
    process.send({ id, results });
  } catch (error) {
    process.send({ id, error: String(error) });
  }
});
