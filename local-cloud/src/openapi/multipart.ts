import busboy from 'busboy';

export interface MultipartForm {
  /** Text parts (action, apiName, envName, …). */
  fields: Record<string, string>;
  /** Binary parts; busboy reports `application/octet-stream` parts (requestData) as files. */
  files: Record<string, Buffer>;
}

/** Caps a single openapi call; real openapi media uploads are limited to a few MB. */
const MAX_PART_BYTES = 10 * 1024 * 1024;

/** Parse a buffered multipart/form-data body. Rejects on malformed bodies or oversized parts. */
export function parseMultipart(rawBody: Buffer, contentType: string): Promise<MultipartForm> {
  return new Promise((resolve, reject) => {
    const form: MultipartForm = { fields: {}, files: {} };
    // 'close' can precede the last file stream's 'end'; resolve only when both happened.
    let pendingFiles = 0;
    let closed = false;
    const settle = (): void => {
      if (closed && pendingFiles === 0) resolve(form);
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { 'content-type': contentType }, limits: { fileSize: MAX_PART_BYTES } });
    } catch (err) {
      reject(err);
      return;
    }
    parser.on('field', (name, value) => {
      form.fields[name] = value;
    });
    parser.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      pendingFiles += 1;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => reject(new Error(`multipart part ${name} exceeds ${MAX_PART_BYTES} bytes`)));
      stream.on('end', () => {
        form.files[name] = Buffer.concat(chunks);
        pendingFiles -= 1;
        settle();
      });
    });
    parser.on('error', reject);
    parser.on('close', () => {
      closed = true;
      settle();
    });
    parser.end(rawBody);
  });
}
