import FAQEmitters
import FAQModel

extension Exporter {
    /// Runs the emitter of every job on all cores, each into its temporary file (`files`,
    /// in the jobs' order; nil keeps the output in memory); results in the jobs' order.
    /// An emitter that fails discards its file at once, so a failed run keeps no
    /// descriptor open.
    func run(_ jobs: [Job], into files: [PendingFile?]) -> [Swift.Result<(Output, [Diagnostic]), Error>] {
        // The costliest jobs start first, so the cores finish together instead of one
        // running JSON alone at the end; outputs keep the requested order.
        let cost = jobs.map(\.format.descriptor.relativeCost)
        let order = jobs.indices.sorted { (-cost[$0], $0) < (-cost[$1], $1) }
        let options = emitOptions
        let costliestFirst = ConcurrentMap.map(order) { index -> Swift.Result<(Output, [Diagnostic]), Error> in
            Swift.Result {
                let job = jobs[index]
                let file = files[index]
                let emitter = job.format.emitter
                let diagnostics: [Diagnostic]
                let sink: OutputSink
                do {
                    sink = try file?.open() ?? OutputSink()
                    if job.documents.count > 1, let book = emitter as? any BookEmitter {
                        diagnostics = try book.write(book: job.documents, options: options, to: sink)
                    } else {
                        diagnostics = try emitter.write(job.documents[0], options: options, to: sink)
                    }
                    try file?.finish()
                } catch let error as OutputSinkError {
                    file?.discard()  // closes it now: a failed run keeps no descriptor open
                    throw AtomicFile.WriteError(path: job.output.path ?? "-", reason: error.reason)
                } catch {
                    file?.discard()
                    throw error
                }
                var output = job.output
                if file == nil { output.bytes = sink.bytes }
                output.byteCount = sink.byteCount
                // Emitter warnings that cannot point into the input still name its file.
                let source = job.documents[0].source ?? "-"
                let located = diagnostics.map { d -> Diagnostic in
                    var d = d
                    if d.location == nil { d.location = SourceLocation(file: source, line: 1) }
                    return d
                }
                return (output, located)
            }
        }
        var results = costliestFirst
        for (position, index) in order.enumerated() { results[index] = costliestFirst[position] }
        return results
    }
}
