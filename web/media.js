// Plays one fragment of a fragmented MP4 (init segment + one moof/mdat, as GET /ui/fragment
// answers) in its own timeline: Media Source Extensions with the fragment's start time as
// timestamp offset, so the video runs from 0 to the fragment's length. Where the codec is
// not one MSE takes, the file plays as it is (a blob: URL of the bytes).

const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl']);

/** The boxes of bytes[start, end): [{type, start (of the payload), end}]. */
function boxes(view, start, end) {
  const out = [];
  let p = start;
  while (p + 8 <= end) {
    let size = view.getUint32(p);
    const type = String.fromCharCode(view.getUint8(p + 4), view.getUint8(p + 5), view.getUint8(p + 6), view.getUint8(p + 7));
    let header = 8;
    if (size === 1) {
      if (p + 16 > end) break;
      size = Number(view.getBigUint64(p + 8));
      header = 16;
    } else if (size === 0) {
      size = end - p;
    }
    if (size < header || p + size > end) break;
    out.push({ type, start: p + header, end: p + size });
    p += size;
  }
  return out;
}

function hex2(n) {
  return n.toString(16).padStart(2, '0').toUpperCase();
}

/** The RFC 6381 codec string of the video track of an MP4's init segment, or null. */
export function mp4Codec(buffer) {
  const view = new DataView(buffer);
  const walk = (start, end) => {
    for (const b of boxes(view, start, end)) {
      if (CONTAINERS.has(b.type)) {
        const c = walk(b.start, b.end);
        if (c) return c;
      } else if (b.type === 'stsd') {
        // full box header (4) + entry count (4), then sample entries
        for (const e of boxes(view, b.start + 8, b.end)) {
          if (e.type === 'avc1' || e.type === 'avc3') {
            // a visual sample entry has 78 bytes of fields before its child boxes
            for (const c of boxes(view, e.start + 78, e.end)) {
              if (c.type === 'avcC' && c.end - c.start >= 4) {
                return `${e.type}.${hex2(view.getUint8(c.start + 1))}${hex2(view.getUint8(c.start + 2))}${hex2(view.getUint8(c.start + 3))}`;
              }
            }
          }
        }
      }
    }
    return null;
  };
  try { return walk(0, buffer.byteLength); } catch { return null; }
}

function once(target, event) {
  return new Promise((resolve, reject) => {
    const ok = () => { target.removeEventListener('error', bad); resolve(); };
    const bad = () => { target.removeEventListener(event, ok); reject(new Error(`media source: ${event} failed`)); };
    target.addEventListener(event, ok, { once: true });
    target.addEventListener('error', bad, { once: true });
  });
}

/**
 * Shows the MP4 in `buffer` in `video`, shifted so the fragment starting at `startTime`
 * seconds starts at 0. objectUrl(obj) makes the blob: URL (the page's, freed with it).
 * Resolves to 'mse' or 'file' (how it is played).
 */
export async function playFragment(video, buffer, startTime, objectUrl) {
  const codec = mp4Codec(buffer);
  const mime = codec ? `video/mp4; codecs="${codec}"` : '';
  if (!codec || !window.MediaSource || !MediaSource.isTypeSupported(mime)) {
    video.src = objectUrl(new Blob([buffer], { type: 'video/mp4' }));
    return 'file';
  }
  const ms = new MediaSource();
  video.src = objectUrl(ms);
  await once(ms, 'sourceopen');
  const sb = ms.addSourceBuffer(mime);
  sb.mode = 'segments';
  sb.timestampOffset = -Number(startTime || 0);
  sb.appendBuffer(buffer);
  await once(sb, 'updateend');
  ms.endOfStream();
  return 'mse';
}
