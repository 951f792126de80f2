import type { RangeResponse, Source } from 'pmtiles';

/** An in-memory Source for the pmtiles reader, recording the byte ranges asked for. */
export class MemorySource implements Source {
  requests: [number, number][] = [];
  constructor(private readonly bytes: Uint8Array) {}
  getKey() {
    return 'memory';
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    this.requests.push([offset, length]);
    return { data: this.bytes.slice(offset, offset + length).buffer };
  }
}
