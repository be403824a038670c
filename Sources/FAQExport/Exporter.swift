import FAQEmitters
import FAQModel
import FAQReaders
import Foundation

/// The whole pipeline as a library call: read every input once (concurrently), then run
/// every requested emitter on the same values (concurrently), into memory or into files
/// (all or nothing: see `Destination`).
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

    /// Reads the inputs; the first error stops the run (after all were tried, so every
    /// broken input is reported), warnings are collected.
    public func read(_ inputs: [Input]) -> (documents: [FAQDocument], diagnostics: [Diagnostic], failed: Bool) {
        let loaded = ConcurrentMap.map(inputs) { input -> Swift.Result<[UInt8], ReadError> in
            do {
                let bytes = try input.bytes ?? InputFile.bytes(input.path, maxSize: maxInputSize)
                if bytes.count > maxInputSize {
                    throw ReadError("input is larger than the limit of \(maxInputSize) bytes (see --max-input-size)", at: SourceLocation(file: input.path, line: 1))
                }
                return .success(bytes)
            } catch let error as ReadError {
                return .failure(error)
            } catch {
                return .failure(ReadError("\(error)", at: SourceLocation(file: input.path, line: 1)))
            }
        }
        let permalinks = Self.permalinks(inputs, loaded)
        let results = ConcurrentMap.map(Array(zip(inputs, loaded))) { input, bytes -> Swift.Result<FAQReader.Result, ReadError> in
            do {
                var options = readerOptions
                if options.baseURL == nil, input.path != "-" { options.baseURL = FAQReader.jekyllBaseURL(near: input.path) }
                options.permalinks.merge(permalinks) { given, _ in given }
                return .success(try FAQReader.read(bytes: bytes.get(), path: input.path, syntax: .init(path: input.path), options: options, lossy: lossy))
            } catch let error as ReadError {
                return .failure(error)
            } catch {
                return .failure(ReadError("\(error)", at: SourceLocation(file: input.path, line: 1)))
            }
        }
        var documents: [FAQDocument] = []
        var diagnostics: [Diagnostic] = []
        var failed = false
        for result in results {
            switch result {
            case .success(let read):
                documents.append(read.document)
                diagnostics += read.diagnostics
            case .failure(let error):
                diagnostics.append(error.diagnostic)
                failed = true
            }
        }
        return (documents, diagnostics, failed)
    }

    /// Where outputs go: kept in memory (`Output.bytes`), or each into its file (`path`).
    /// Files are streamed into temporary files beside their targets while the emitters run
    /// (a large output is never held whole) and renamed over the targets only when every
    /// output succeeded; otherwise every target is left as it was.
    public enum Destination: Sendable {
        case memory
        /// `NAME.EXT` per input and format in this directory (which must exist).
        case directory(String)
        /// The one output (one format, one input or one book) to this path.
        case file(String)
    }

    public struct OutputCollision: Error, CustomStringConvertible {
        public let fileName: String
        public let sources: (String, String)
        public var description: String {
            "\(sources.0) and \(sources.1) would both write \(fileName); give one a 'name:' in its front matter"
        }
    }

    /// Every format for every document; a book format binds several documents into one output.
    public func emit(_ documents: [FAQDocument], formats: [OutputFormat], to destination: Destination = .memory) throws -> (outputs: [Output], diagnostics: [Diagnostic]) {
        struct Job: Sendable { var format: OutputFormat; var documents: [FAQDocument]; var output: Output }
        var jobs: [Job] = []
        func add(_ format: OutputFormat, _ documents: [FAQDocument]) {
            let fileExtension = format == .man ? ManEmitter.section(of: documents[0], options: emitOptions) : format.fileExtension
            var output = Output(name: OutputName.of(documents[0]), format: format, bytes: [], source: documents[0].source, fileExtension: fileExtension)
            switch destination {
            case .memory: break
            case .directory(let dir): output.path = (dir as NSString).appendingPathComponent(output.fileName)
            case .file(let path): output.path = path
            }
            jobs.append(Job(format: format, documents: documents, output: output))
        }
        for format in formats {
            if documents.count > 1, format.emitter is any BookEmitter {
                add(format, documents)
            } else {
                for document in documents { add(format, [document]) }
            }
        }
        switch destination {
        case .directory: try Self.checkCollisions(jobs.map(\.output))
        case .file(let path) where jobs.count > 1: throw SeveralOutputsToOneFile(path: path, count: jobs.count)
        default: break
        }
        try Self.checkInputsKept(jobs.map(\.output), inputs: documents.compactMap(\.source))
        // Every temporary file exists before any emitter runs: an unwritable target fails
        // the run before the work. (They are not open yet: see `PendingFile`.)
        var pending: [PendingFile?] = []
        do {
            for job in jobs { pending.append(try job.output.path.map(PendingFile.init(replacing:))) }
        } catch {
            for file in pending { file?.discard() }
            throw error
        }
        // The costliest jobs start first, so the cores finish together instead of one
        // running JSON alone at the end; outputs keep the requested order.
        let order = jobs.indices.sorted { (-Self.relativeCost(jobs[$0].format), $0) < (-Self.relativeCost(jobs[$1].format), $1) }
        let options = emitOptions
        let files = pending
        let planned = jobs
        let costliestFirst = ConcurrentMap.map(order) { index -> Swift.Result<(Output, [Diagnostic]), Error> in
            Swift.Result {
                let job = planned[index]
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
        var outputs: [Output] = []
        var diagnostics: [Diagnostic] = []
        do {
            for result in results {
                let (output, found) = try result.get()
                outputs.append(output)
                diagnostics += found
            }
        } catch {
            for file in pending { file?.discard() }
            throw error
        }
        // A signal now would leave some targets replaced and others not: it waits.
        try TemporaryFileCleanup.deferringSignals {
            for (position, file) in pending.enumerated() {
                guard let file else { continue }
                do {
                    try file.commit()
                } catch {
                    for later in pending[(position + 1)...] { later?.discard() }
                    throw CommitError(error: error, written: pending[..<position].compactMap { $0?.path })
                }
            }
        }
        return (outputs, diagnostics)
    }

    /// A rename failed after others succeeded: those targets already hold the new bytes.
    public struct CommitError: Error, CustomStringConvertible {
        public let error: Error
        public let written: [String]
        public var description: String { "\(error)" }
    }

    /// `Destination.file` takes exactly one output.
    public struct SeveralOutputsToOneFile: Error, CustomStringConvertible {
        public let path: String
        public let count: Int
        public var description: String { "\(path): \(count) outputs cannot share one file; write them to a directory" }
    }

    public struct OutputReplacesInput: Error, CustomStringConvertible {
        public let path: String
        public let input: String
        public var description: String {
            "\(path): error: the output would replace the input \(input); choose another output"
        }
    }

    /// No output may land on an input (`-o faq.md faq.md`, or `--output-dir .` over a
    /// `NAME.txt` input): compared by device and inode, so links and `./` spellings count.
    static func checkInputsKept(_ outputs: [Output], inputs: [String]) throws {
        func identity(_ path: String) -> (dev_t, ino_t)? {
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            return (info.st_dev, info.st_ino)
        }
        let sources = inputs.filter { $0 != "-" }.compactMap { path in identity(path).map { (path, $0) } }
        guard !sources.isEmpty else { return }
        for output in outputs {
            guard let path = output.path, let target = identity(path) else { continue }
            if let source = sources.first(where: { $0.1 == target }) {
                throw OutputReplacesInput(path: path, input: source.0)
            }
        }
    }

    /// Two inputs with the same NAME would overwrite each other's files.
    static func checkCollisions(_ outputs: [Output]) throws {
        var seen: [String: String] = [:]
        for out in outputs {
            let source = out.source ?? "-"
            if let other = seen[out.fileName], other != source {
                throw OutputCollision(fileName: out.fileName, sources: (other, source))
            }
            seen[out.fileName] = source
        }
    }
}

extension Exporter {
    /// `{% link guide/x.md %}` points at the permalink of that input when it is one of the
    /// inputs: each input's permalink, by every tail of its path (`site/guide/x.md`,
    /// `guide/x.md`, `x.md`), the first input winning a tie.
    static func permalinks(_ inputs: [Input], _ loaded: [Swift.Result<[UInt8], ReadError>]) -> [String: String] {
        var map: [String: String] = [:]
        for (input, bytes) in zip(inputs, loaded) where input.path != "-" {
            guard let bytes = try? bytes.get(), let permalink = FAQReader.permalink(in: bytes) else { continue }
            let parts = input.path.split(separator: "/").filter { $0 != "." }
            for start in parts.indices {
                let key = parts[start...].joined(separator: "/")
                if map[key] == nil { map[key] = permalink }
            }
        }
        return map
    }

    /// Emitter cost on a large FAQ, relative (measured by `make bench`, see bench/NOTES.md).
    static func relativeCost(_ format: OutputFormat) -> Int {
        switch format {
        case .json: return 6
        case .epub: return 5
        case .text: return 4
        case .jsonld: return 3
        case .xhtml: return 2
        case .man: return 1
        }
    }
}

/// `map` on all cores, results in input order.
enum ConcurrentMap {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        if items.count < 2 { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: items.count) { i in slots[i] = transform(items[i]) }
        return results.map { $0! }
    }
}
