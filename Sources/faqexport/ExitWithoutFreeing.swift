/// The process exits right after a command: tearing down a large model (millions of small
/// values) would cost a tenth of the run for nothing. Values parked here are never freed;
/// the process's exit returns the memory at once.
nonisolated(unsafe) var retainedUntilExit: [Any] = []
