// Preloaded into the benchmarked build (node --import): records the peak V8 heap and the peak resident
// memory, written as JSON to BENCH_MEMORY_FILE when the process exits.
import v8 from 'node:v8';
import { writeFileSync } from 'node:fs';

let peak = 0;
const sample = () => (peak = Math.max(peak, v8.getHeapStatistics().used_heap_size));
setInterval(sample, 200).unref();
process.on('exit', () => {
  sample();
  if (process.env.BENCH_MEMORY_FILE)
    writeFileSync(process.env.BENCH_MEMORY_FILE, JSON.stringify({ heapBytes: peak, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
});
