// Drives tests/servers/hub-emulator.py with the official client, npm @huggingface/hub,
// so the emulator is held to the Hub's protocol as that client speaks it.
// Usage: node client-check.mjs HUB_URL TOKEN REPO_ID FILE...   (prints a JSON report)
// Uploads the files (a text file goes inline, binary ones through Git LFS), lists the
// tree, downloads each file back, and reads one by a ranged request.
import { createRepo, uploadFiles, listFiles, downloadFile, fileDownloadInfo, datasetInfo } from "@huggingface/hub";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { createHash } from "node:crypto";

const [hubUrl, accessToken, name, ...paths] = process.argv.slice(2);
const repo = { type: "dataset", name };
const sha = (b) => createHash("sha256").update(b).digest("hex");
const report = { created: null, commit: null, listed: [], downloaded: {}, ranged: null, info: null };

const created = await createRepo({ repo, accessToken, hubUrl });
report.created = created.repoUrl;
const files = paths.map((p) => ({ path: p.includes("=") ? p.split("=")[0] : basename(p),
                                  content: new Blob([readFileSync(p.includes("=") ? p.split("=")[1] : p)]) }));
const out = await uploadFiles({ repo, accessToken, hubUrl, files, commitTitle: "client check", useWebWorkers: false });
report.commit = out.commit.oid;
for await (const f of listFiles({ repo, accessToken, hubUrl, recursive: true })) {
  report.listed.push({ type: f.type, path: f.path, size: f.size, lfs: f.lfs ? f.lfs.oid : null });
}
for (const f of files) {
  const blob = await downloadFile({ repo, accessToken, hubUrl, path: f.path, xet: false });
  report.downloaded[f.path] = sha(Buffer.from(await blob.arrayBuffer()));
}
const first = files[files.length - 1].path;
const info = await fileDownloadInfo({ repo, accessToken, hubUrl, path: first });
const blob = await downloadFile({ repo, accessToken, hubUrl, path: first, xet: false });
report.ranged = { size: info.size, etag: info.etag, tail: sha(Buffer.from(await blob.slice(10, 20).arrayBuffer())) };
const di = await datasetInfo({ name, accessToken, hubUrl, additionalFields: ["sha"] });
report.info = di.sha ?? null;
console.log(JSON.stringify(report));
