import FAQEmitters
import FAQModel
import FAQReaders

/// The whole pipeline as a library call: read every input once (concurrently), then run
/// every requested emitter on the same values (concurrently), into memory or into files
/// (all or nothing: see `Destination`).
///
/// One job per file: reading (`Exporter+Read.swift`), planning the outputs
/// (`OutputPlan.swift`), running the emitters (`EmitterRun.swift`), committing the files
/// (`OutputCommit.swift`); the errors a run can stop with are in `ExportErrors.swift`.
public struct Exporter: Sendable {
    public struct Input: Sendable {
        /// A path, or `-` for standard input (then `bytes` holds what was read).
        public var path: String
        public var bytes: [UInt8]?
        public init(path: String, bytes: [UInt8]? = nil) {
            self.path = path
            self.bytes = bytes
        }
    }

    public struct Output: Sendable {
        public var name: String
        public var format: OutputFormat
        /// The output, when kept in memory (`Destination.memory`).
        public var bytes: [UInt8]
        /// The input it came from (the first one, for a book).
        public var source: String?
        /// The file it was written to (`Destination.directory` or `.file`).
        public var path: String?
        public var byteCount = 0
        /// The format's extension; a man page's is its section (`faq.7`, `tool.1`).
        public var fileExtension: String
        public var fileName: String { "\(name).\(fileExtension)" }
    }

    public var readerOptions: ReaderOptions
    public var emitOptions: EmitOptions
    public var lossy: Bool
    public var maxInputSize: Int

    public init(readerOptions: ReaderOptions = ReaderOptions(), emitOptions: EmitOptions = EmitOptions(), lossy: Bool = false, maxInputSize: Int = 256 << 20) {
        self.readerOptions = readerOptions
        self.emitOptions = emitOptions
        self.lossy = lossy
        self.maxInputSize = maxInputSize
    }

    /// Where outputs go: kept in memory (`Output.bytes`), or each into its file (`path`).
    /// Files are streamed into temporary files beside their targets while the emitters run
    /// (a large output is never held whole) and renamed over the targets only when every
    /// output succeeded; otherwise every target is left as it was.
    public enum Destination: Sendable {
        case memory
        /// `NAME.EXT` per input and format in this directory, made (with any missing
        /// parent) when it does not exist, and removed again when the run writes nothing.
        case directory(String)
        /// The one output (one format, one input or one book) to this path.
        case file(String)
    }

    /// Every format for every document; a book format binds several documents into one output.
    public func emit(_ documents: [FAQDocument], formats: [OutputFormat], to destination: Destination = .memory) throws -> (outputs: [Output], diagnostics: [Diagnostic]) {
        let commit = try OutputCommit(destination)
        defer { commit.close() }
        let jobs = try plan(documents, formats: formats, destination: destination)
        try commit.prepare(jobs.map(\.output.path))
        let results = run(jobs, into: commit.pending)
        var outputs: [Output] = []
        var diagnostics: [Diagnostic] = []
        do {
            for result in results {
                let (output, found) = try result.get()
                outputs.append(output)
                diagnostics += found
            }
        } catch {
            commit.discard()
            throw error
        }
        try commit.commit()
        return (outputs, diagnostics)
    }
}
