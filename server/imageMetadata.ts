import { open, readFile } from "node:fs/promises";

/**
 * Removes what a photo says about where and by whom it was taken (EXIF with its GPS position,
 * XMP, IPTC, text chunks) without re-encoding the picture: the bytes of the image itself are
 * copied unchanged. A JPEG keeps only its orientation, so that a phone photo still shows upright.
 *
 * Each segment header is read once, so a hostile file costs no more than a plain copy (a packaged
 * stream filter tried first spent minutes on a crafted 10 MB JPEG). Anything malformed is refused
 * rather than stored with its metadata.
 */

/** A part of the output: a range of the input copied as is, or bytes written in its place. */
type Piece = { from: number; to: number } | { bytes: Buffer };

function readAt(file: Buffer, position: number, length: number): Buffer {
  return file.subarray(position, position + length);
}

/** TIFF/EXIF orientation (tag 0x0112) of an EXIF payload (after `Exif\0\0`), or null. */
function exifOrientation(tiff: Buffer): number | null {
  if (tiff.length < 8) return null;
  const little = tiff.toString("latin1", 0, 2) === "II";
  if (!little && tiff.toString("latin1", 0, 2) !== "MM") return null;
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return null;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return null;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}

/** An APP1 segment holding nothing but an orientation. */
function orientationSegment(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write("MM", 0, "latin1");
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4); // IFD0 right after the header
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x0112, 10); // Orientation
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14); // one value
  tiff.writeUInt16BE(orientation, 18);
  tiff.writeUInt32BE(0, 22); // no next IFD
  const payload = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

function jpegPieces(file: Buffer, size: number): Piece[] | null {
  const pieces: Piece[] = [];
  let kept = 0;
  let position = 2; // after SOI
  let orientation: number | null = null;
  while (position + 4 <= size) {
    if (file[position] !== 0xff) return null;
    const marker = file[position + 1] ?? 0;
    if (marker === 0xff) {
      position += 1; // fill byte
      continue;
    }
    // Start of scan or end of image: from here on it is the picture itself.
    if (marker === 0xda || marker === 0xd9) break;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      position += 2;
      continue;
    }
    const length = file.readUInt16BE(position + 2);
    if (length < 2 || position + 2 + length > size) return null;
    // APP1 (EXIF, XMP), APP13 (IPTC, Photoshop): metadata, never needed to show the picture.
    if (marker === 0xe1 || marker === 0xed) {
      if (
        marker === 0xe1 &&
        orientation === null &&
        length >= 8 &&
        file.readUInt32BE(position + 4) === EXIF
      ) {
        const payload = readAt(file, position + 4, Math.min(length - 2, 64 * 1024));
        if (payload.toString("latin1", 0, 6) === "Exif\0\0")
          orientation = exifOrientation(payload.subarray(6));
        orientation ??= 1;
      }
      if (position > kept) pieces.push({ from: kept, to: position });
      kept = position + 2 + length;
    }
    position += 2 + length;
  }
  pieces.push({ from: kept, to: size });
  if (orientation !== null && orientation !== 1) {
    // Right after SOI (and before the first kept segment), where readers look for it.
    const first = pieces[0];
    if (first && "from" in first && first.from === 0) {
      pieces.splice(
        0,
        1,
        { from: 0, to: 2 },
        { bytes: orientationSegment(orientation) },
        { from: 2, to: first.to },
      );
    }
  }
  return pieces;
}

const fourCC = (text: string) => Buffer.from(text, "latin1").readUInt32BE(0);
const EXIF = fourCC("Exif");
const PNG_METADATA = new Set(["eXIf", "tEXt", "zTXt", "iTXt", "tIME"].map(fourCC));
const IEND = fourCC("IEND");

function pngPieces(file: Buffer, size: number): Piece[] | null {
  const pieces: Piece[] = [];
  let kept = 0;
  let position = 8;
  while (position + 12 <= size) {
    const length = file.readUInt32BE(position);
    const type = file.readUInt32BE(position + 4);
    const end = position + 12 + length;
    if (end > size) return null;
    if (PNG_METADATA.has(type)) {
      if (position > kept) pieces.push({ from: kept, to: position });
      kept = end;
    }
    position = end;
    if (type === IEND) break;
  }
  pieces.push({ from: kept, to: size });
  return pieces;
}

const VP8X = fourCC("VP8X");
const WEBP_EXIF = fourCC("EXIF");
const WEBP_XMP = fourCC("XMP ");

function webpPieces(file: Buffer, size: number): Piece[] | null {
  const pieces: Piece[] = [];
  let removed = 0;
  let kept = 12;
  let position = 12;
  let flags: { at: number; value: number } | null = null;
  while (position + 8 <= size) {
    const type = file.readUInt32BE(position);
    const length = file.readUInt32LE(position + 4);
    const end = position + 8 + length + (length % 2);
    if (end > size) return null;
    if (type === VP8X) flags = { at: position + 8, value: file[position + 8] ?? 0 };
    if (type === WEBP_EXIF || type === WEBP_XMP) {
      if (position > kept) pieces.push({ from: kept, to: position });
      kept = end;
      removed += end - position;
    }
    position = end;
  }
  pieces.push({ from: kept, to: size });
  if (removed === 0) return [{ from: 0, to: size }];
  // The RIFF size, and the extended header's flags no longer claiming EXIF (0x08) and XMP (0x04).
  const header = Buffer.from(readAt(file, 0, 12));
  header.writeUInt32LE(header.readUInt32LE(4) - removed, 4);
  const rest: Piece[] = [];
  for (const piece of pieces) {
    if ("from" in piece && flags && piece.from <= flags.at && flags.at < piece.to) {
      rest.push(
        { from: piece.from, to: flags.at },
        { bytes: Buffer.from([flags.value & ~0x0c]) },
        { from: flags.at + 1, to: piece.to },
      );
    } else {
      rest.push(piece);
    }
  }
  const [first, ...others] = rest;
  if (!first || !("from" in first) || first.from !== 12) return null;
  return [{ bytes: header }, first, ...others];
}

/**
 * Writes `source` to `target` without its metadata. Returns false, writing nothing, when the file
 * is not a well-formed image of `contentType`.
 */
let queue: Promise<unknown> = Promise.resolve();

export function writeWithoutMetadata(source: string, target: string, contentType: string): Promise<boolean> {
  // One image at a time: each is read whole (at most 10 MB), so many uploads at once never hold
  // more than one in memory. Each takes milliseconds.
  const run = queue.then(() => rewrite(source, target, contentType));
  queue = run.catch(() => {});
  return run;
}

async function rewrite(source: string, target: string, contentType: string): Promise<boolean> {
  const file = await readFile(source);
  const size = file.length;
  const pieces =
    contentType === "image/jpeg"
      ? jpegPieces(file, size)
      : contentType === "image/png"
        ? pngPieces(file, size)
        : contentType === "image/webp"
          ? webpPieces(file, size)
          : [{ from: 0, to: size }];
  if (!pieces) return false;
  const out = await open(target, "wx");
  try {
    for (const piece of pieces) {
      const bytes = "bytes" in piece ? piece.bytes : file.subarray(piece.from, piece.to);
      if (bytes.length > 0) await out.write(bytes);
    }
  } finally {
    await out.close();
  }
  return true;
}
