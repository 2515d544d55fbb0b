// `node:zlib` for the web worker bundle: no native CRC32, so the shared helpers use their own.
export const crc32: ((data: string) => number) | undefined = undefined;
