// Preloaded by the benchmark (node --import) into a marsad process: reports its peak memory.
process.on("exit", () => {
  process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
